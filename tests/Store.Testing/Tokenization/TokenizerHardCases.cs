namespace Store.Testing.Tokenization;

/// <summary>Texts where BERT tokenisers are known to part ways: punctuation, symbols, underscores, accents, CJK, emoji, long words, whitespace.</summary>
public static class TokenizerHardCases
{
    public static IReadOnlyList<string> Texts { get; } =
    [
        "The quick brown fox jumps over the lazy dog.",
        "a+b=c, $5 ^ x | y ~ z < w > v; 50% off! #hashtag @user & more...",
        "snake_case_words and kebab-case-words in file_name.txt",
        "Café naïve résumé Ångström crème brûlée São Paulo Zürich",
        "東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.",
        "I love 🍕 and 🚀! 👍🏽 family: 👨‍👩‍👧",
        "pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism",
        "Pi is 3.14159, a million is 1,000,000 and 2^10 = 1024.",
        "tabs\tand\nnew lines\r\n  and   many spaces",
        "Ελληνικά κείμενα και кириллица тоже, عربى أيضا",
        "https://example.com/path?query=1&b=2 mail@example.org",
        "\"Quotes\", 'apostrophes', (parentheses) [brackets] {braces}",
        "UPPER lower MiXeD CamelCase",
        "",
    ];
}
