using System.Collections.Frozen;
using Store.Core.Errors;

namespace Store.Access.FullText;

/// <summary>
/// Turns text into the terms a full-text index keeps and a query looks up, one analyzer per
/// language: words found by <see cref="WordSegmenter"/>, folded by <see cref="TermFolder"/>
/// (lower case, no accents, compatibility forms plain), then for <c>english</c> the
/// <see cref="StopWords.English"/> left out and the rest stemmed by <see cref="EnglishStemmer"/>;
/// <c>none</c> stops after folding.
/// </summary>
/// <remarks>
/// Positions count words, not terms: a stop word, and a word longer than
/// <see cref="MaxWordLength"/> (which is dropped), still take their position, so the terms either
/// side of them stay that far apart and a phrase query matches only what was written ("rose of
/// sharon" does not match "rose sharon"), as Lucene's StopFilter does. Positions start at 0.
/// Analyzers are immutable and shared; index and query go through the same <see cref="Terms"/>.
/// </remarks>
internal sealed class TextAnalyzer
{
    /// <summary>
    /// Words longer than this (in UTF-16 units, as written) are dropped: they are encoded data, hashes,
    /// run-together text, never words anyone searches for. Lucene's StandardAnalyzer has the same 255.
    /// </summary>
    public const int MaxWordLength = 255;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _stopWords;

    // Longer words are not looked up: most words are, and hashing them is half the cost of a stop list.
    private readonly int _longestStopWord;
    private readonly bool _stems;

    private TextAnalyzer(string language, IEnumerable<string>? stopWords, bool stems)
    {
        Language = language;
        _stopWords = stopWords is null ? null : StopWords.Lookup(stopWords);
        _longestStopWord = stopWords?.Max(w => w.Length) ?? 0;
        _stems = stems;
    }

    /// <summary>Segmentation, folding, English stop words and the Snowball English stemmer.</summary>
    public static TextAnalyzer English { get; } = new("english", StopWords.English, stems: true);

    /// <summary>Segmentation and folding only: every word is a term, as written but for case and accents.</summary>
    public static TextAnalyzer None { get; } = new("none", stopWords: null, stems: false);

    /// <summary>Every analyzer, in the order error messages list their languages.</summary>
    public static IReadOnlyList<TextAnalyzer> All { get; } = [English, None];

    /// <summary>The language's name as an index option gives it (<c>language = 'english'</c>).</summary>
    public string Language { get; }

    /// <summary>The analyzer of a language, its name in any case; a typed error naming the known ones otherwise.</summary>
    public static TextAnalyzer For(string language) =>
        All.FirstOrDefault(a => string.Equals(a.Language, language, StringComparison.OrdinalIgnoreCase))
        ?? throw StoreErrors.InvalidArgument(
            $"unknown text analysis language '{language}' (known: {string.Join(", ", All.Select(a => a.Language))})");

    /// <summary>The terms of a text with their positions, without allocating per term: what the index reads.</summary>
    public TermStream Terms(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>The terms of a text as strings with their positions: what a query is made of.</summary>
    public List<AnalyzedTerm> Analyze(string text)
    {
        var terms = new List<AnalyzedTerm>();
        foreach (var term in Terms(text))
        {
            terms.Add(term.ToAnalyzedTerm());
        }

        return terms;
    }

    /// <summary>
    /// The term of one word, written into <paramref name="term"/>: its length, or 0 when the word
    /// gives no term (a stop word, too long, or nothing left once folded).
    /// </summary>
    internal int TermOf(ReadOnlySpan<char> word, Span<char> term, Span<char> scratch)
    {
        if (word.Length > MaxWordLength)
        {
            return 0;
        }

        var length = TermFolder.Fold(word, term, scratch);
        if (length <= 0 || (length <= _longestStopWord && _stopWords is { } stopWords && stopWords.Contains(term[..length])))
        {
            return 0;
        }

        return _stems ? EnglishStemmer.Stem(term[..length]) : length;
    }

    public override string ToString() => Language;
}
