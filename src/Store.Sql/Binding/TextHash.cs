namespace Store.Sql.Binding;

/// <summary>
/// A polynomial hash of a text, <c>sum of text[i] * base^(length - 1 - i)</c> modulo 2^64, with
/// <c>base^length</c> kept beside it so that the hash of a concatenation follows from the
/// hashes of its parts in constant time: H(a + b) = H(a) * base^|b| + H(b).
/// </summary>
internal readonly record struct TextHash(ulong Value, ulong Power, int Length)
{
    public static TextHash Empty => new(0, 1, 0);

    public TextHash Append(char next, ulong hashBase) => new(unchecked((Value * hashBase) + next), unchecked(Power * hashBase), Length + 1);

    public TextHash Append(TextHash tail) => new(unchecked((Value * tail.Power) + tail.Value), unchecked(Power * tail.Power), Length + tail.Length);
}
