using Store.Access.FullText;

namespace Store.Access.Tests.FullText;

/// <summary>Word boundaries: what stays inside a word and what separates words.</summary>
public sealed class WordSegmenterTests
{
    [Theory]
    [InlineData("Hello, world!", "Hello|world")]
    [InlineData("don't stop", "don't|stop")]
    [InlineData("o’clock", "o’clock")]
    [InlineData("'tis the dogs' bowls'", "tis|the|dogs|bowls")]
    [InlineData("rock 'n' roll", "rock|n|roll")]
    [InlineData("it''s", "it|s")]
    public void TryNextWord_keeps_apostrophes_between_letters_only(string text, string words) => Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("pi is 3.14, not 3", "pi|is|3.14|not|3")]
    [InlineData("1,000 and 1,000.50 and 1.000.000", "1,000|and|1,000.50|and|1.000.000")]
    [InlineData("covid19 in the 1990s, v2", "covid19|in|the|1990s|v2")]
    [InlineData("The end.Next, 1.", "The|end.Next|1")]
    [InlineData("U.S.A. and e.g. this", "U.S.A|and|e.g|this")]
    [InlineData("3.a 1,a a,1 well,then", "3|a|1|a|a|1|well|then")]
    [InlineData("1..2 1,,2", "1|2|1|2")]
    public void TryNextWord_keeps_full_stops_and_commas_inside_numbers_and_abbreviations(string text, string words) =>
        Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("state-of-the-art", "state|of|the|art")]
    [InlineData("path/to/file.txt", "path|to|file.txt")]
    [InlineData("title:word", "title|word")]
    [InlineData("snake_case _x_ a__b", "snake_case|x|a|b")]
    [InlineData("(quoted) \"words\" [here]; yes?", "quoted|words|here|yes")]
    [InlineData("e-mail someone@example.com #tag $5 50%", "e|mail|someone|example.com|tag|5|50")]
    [InlineData("col·lecció", "col·lecció")]
    public void TryNextWord_splits_at_punctuation_and_symbols(string text, string words) => Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("東京タワーは高い", "東|京|タワー|は|高|い")]
    [InlineData("Москва и Paris", "Москва|и|Paris")]
    [InlineData("서울특별시 간다", "서울특별시|간다")]
    [InlineData("ภาษาไทย ง่าย", "ภาษาไทย|ง่าย")]
    [InlineData("हिन्दी भाषा", "हिन्दी|भाषा")]
    [InlineData("שלום עולם", "שלום|עולם")]
    [InlineData("abcДЕФ123", "abcДЕФ123")]
    [InlineData("Tokyo東京", "Tokyo|東|京")]
    [InlineData("\U00020000\U00020001", "\U00020000|\U00020001")]
    [InlineData("\U0001D400\U0001D401 bold", "\U0001D400\U0001D401|bold")]
    public void TryNextWord_handles_scripts_with_and_without_spaces(string text, string words) => Assert.Equal(words, Words(text));

    [Fact]
    public void TryNextWord_keeps_combining_marks_and_format_characters_with_their_letter()
    {
        Assert.Equal("nai\u0308ve|cafe\u0301", Words("nai\u0308ve cafe\u0301"));
        Assert.Equal("co\u00ADoperate", Words("co\u00ADoperate"));
        Assert.Equal("ภาษา|ไทย", Words("ภาษา\u200Bไทย"));
        Assert.Equal("a", Words("\u0301a"));
    }

    [Theory]
    [InlineData("I ❤️ pizza 🍕!", "I|pizza")]
    [InlineData("👍🏽 👨‍👩‍👧 🇫🇷", "")]
    [InlineData("ok👍", "ok")]
    public void TryNextWord_does_not_make_words_of_emoji(string text, string words) => Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\r\n\u00A0\u3000 ")]
    [InlineData("--- ... ,,, '' !?")]
    [InlineData("\uDFFF\uD800")]
    public void TryNextWord_finds_no_word_in_empty_whitespace_or_punctuation(string text) => Assert.Equal("", Words(text));

    [Fact]
    public void TryNextWord_treats_a_lone_surrogate_as_a_separator() => Assert.Equal("a|b", Words("a\uD800b"));

    [Fact]
    public void TryNextWord_reports_a_very_long_run_of_letters_as_one_word()
    {
        var run = new string('x', 10_000);
        Assert.Equal($"a|{run}|b", Words($"a {run} b"));
    }

    private static string Words(string text)
    {
        var words = new List<string>();
        var offset = 0;
        while (WordSegmenter.TryNextWord(text, ref offset, out var start, out var length))
        {
            words.Add(text.Substring(start, length));
        }

        return string.Join("|", words);
    }
}
