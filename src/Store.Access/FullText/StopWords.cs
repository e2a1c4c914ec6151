using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Store.Access.FullText;

/// <summary>The stop word lists the analyzers leave out of the index and of queries.</summary>
internal static class StopWords
{
    /// <summary>
    /// English: Lucene's default English stop set (EnglishAnalyzer and StandardAnalyzer's
    /// ENGLISH_STOP_WORDS_SET, 33 words), which Anserini's BM25 baselines on BEIR also use, so Store's
    /// figures on ../shared/data/ir compare with theirs. Snowball's English list (about 175 words)
    /// also drops words that carry meaning in queries ("against", "few", "more", "most", "same",
    /// "very", "own", "off", "before", "after"...), and BM25's IDF already gives the frequent words
    /// little weight; what stop words mostly save is posting-list space for the commonest terms.
    /// The list is matched against folded words, before stemming; measuring it against other
    /// lists (or none) on the IR collections means changing only this constant.
    /// </summary>
    public static readonly ImmutableArray<string> English =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with",
    ];

    /// <summary>A set of stop words that a word can be looked up in as a span, without a string.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IEnumerable<string> words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
