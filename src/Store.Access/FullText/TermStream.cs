using System.Buffers;

namespace Store.Access.FullText;

/// <summary>
/// The terms of one text, in order, as <see cref="TextAnalyzer.Terms"/> gives them: enumerate it
/// with <c>foreach</c>. It reads the text in place and writes each term into one buffer rented
/// for the whole text, so a term costs no allocation; the buffer goes back to the pool when
/// the <c>foreach</c> ends (or at <see cref="Dispose"/>).
/// </summary>
internal ref struct TermStream
{
    private const int ScratchLength = TextAnalyzer.MaxWordLength * TermFolder.MaxDecompositionFactor;
    private const int TermLength = 1536;

    private readonly TextAnalyzer _analyzer;
    private readonly ReadOnlySpan<char> _text;
    private int _offset;
    private int _nextPosition;
    private char[]? _buffer;

    internal TermStream(TextAnalyzer analyzer, ReadOnlySpan<char> text)
    {
        _analyzer = analyzer;
        _text = text;
    }

    /// <summary>The current term; its text is overwritten by the next <see cref="MoveNext"/>.</summary>
    public TermSpan Current { get; private set; }

    public readonly TermStream GetEnumerator() => this;

    public bool MoveNext()
    {
        // Rented here rather than at construction: foreach enumerates (and disposes) a copy.
        _buffer ??= ArrayPool<char>.Shared.Rent(ScratchLength + TermLength);
        var scratch = _buffer.AsSpan(0, ScratchLength);
        var term = _buffer.AsSpan(ScratchLength, TermLength);
        while (WordSegmenter.TryNextWord(_text, ref _offset, out var start, out var length))
        {
            var position = _nextPosition++;
            var termLength = _analyzer.TermOf(_text.Slice(start, length), term, scratch);
            if (termLength > 0)
            {
                Current = new TermSpan(term[..termLength], position);
                return true;
            }
        }

        Current = default;
        return false;
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
