namespace Store.Access.FullText;

/// <summary>
/// A term as <see cref="TermStream"/> yields it: its text in the stream's buffer (valid until the
/// stream moves on; look it up or copy it before) and the position of the word it came from.
/// </summary>
internal readonly ref struct TermSpan(ReadOnlySpan<char> text, int position)
{
    public ReadOnlySpan<char> Text { get; } = text;

    public int Position { get; } = position;

    public AnalyzedTerm ToAnalyzedTerm() => new(Text.ToString(), Position);

    public override string ToString() => $"{Text}@{Position}";
}
