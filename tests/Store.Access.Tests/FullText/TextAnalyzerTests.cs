using Store.Access.FullText;
using Store.Core.Errors;

namespace Store.Access.Tests.FullText;

/// <summary>The analyzers by language: stop words, stemming, positions, long words and errors.</summary>
public sealed class TextAnalyzerTests
{
    private const string Foxes = "The quick brown foxes are jumping over the lazy dogs";

    [Fact]
    public void English_leaves_out_stop_words_and_stems_the_rest()
    {
        Assert.Equal("quick@1 brown@2 fox@3 jump@5 over@6 lazi@8 dog@9", Terms(TextAnalyzer.English, Foxes));
    }

    [Fact]
    public void None_keeps_every_word_folded_but_not_stemmed()
    {
        Assert.Equal("the@0 quick@1 brown@2 foxes@3 are@4 jumping@5 over@6 the@7 lazy@8 dogs@9", Terms(TextAnalyzer.None, Foxes));
    }

    [Fact]
    public void Terms_positions_count_stop_words_so_phrases_keep_their_gaps()
    {
        Assert.Equal("rose@0 sharon@2", Terms(TextAnalyzer.English, "Rose of Sharon"));
        Assert.Equal("rose@0 sharon@1", Terms(TextAnalyzer.English, "rose sharon"));
    }

    [Fact]
    public void Stop_words_are_recognised_after_folding()
    {
        Assert.Equal("end@2", Terms(TextAnalyzer.English, "THÉ ＡＮＤ end"));
        Assert.Equal("the@0 end@1", Terms(TextAnalyzer.None, "thé end"));
    }

    [Fact]
    public void Every_english_stop_word_is_left_out_and_kept_by_none()
    {
        var text = string.Join(" ", StopWords.English);
        Assert.Equal(33, StopWords.English.Length);
        Assert.Empty(TextAnalyzer.English.Analyze(text));
        Assert.Equal(StopWords.English, TextAnalyzer.None.Analyze(text).Select(t => t.Text));
    }

    [Fact]
    public void Terms_fold_and_position_mixed_scripts()
    {
        Assert.Equal("cafe@0 東@1 京@2 strasse@3 aeroskobing@4", Terms(TextAnalyzer.None, "Café 東京 Straße Ærøskøbing"));
        Assert.Equal("cafe@0 東@1 京@2 strass@3 aeroskob@4", Terms(TextAnalyzer.English, "Café 東京 Straße Ærøskøbing"));
    }

    [Fact]
    public void Terms_keep_apostrophes_and_numbers_and_stem_possessives()
    {
        Assert.Equal("don't@0 peopl@1 3.14@2 1,000@3", Terms(TextAnalyzer.English, "Don’t people's 3.14 1,000"));
        Assert.Equal("don't@0 people's@1 3.14@2 1,000@3", Terms(TextAnalyzer.None, "Don’t people's 3.14 1,000"));
    }

    [Fact]
    public void A_word_longer_than_the_maximum_is_dropped_but_keeps_its_position()
    {
        var longest = new string('x', TextAnalyzer.MaxWordLength);
        var tooLong = longest + "x";

        Assert.Equal($"before@0 {longest}@1 after@2", Terms(TextAnalyzer.None, $"before {longest} after"));
        Assert.Equal("before@0 after@2", Terms(TextAnalyzer.None, $"before {tooLong} after"));
        Assert.Equal("befor@0 after@2", Terms(TextAnalyzer.English, $"before {new string('y', 100_000)} after"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n  ")]
    [InlineData("... --- !!!")]
    [InlineData("🍕 👍🏽 ❤️")]
    public void Empty_whitespace_punctuation_and_emoji_give_no_terms(string text)
    {
        Assert.Empty(TextAnalyzer.English.Analyze(text));
        Assert.Empty(TextAnalyzer.None.Analyze(text));
    }

    [Fact]
    public void Emoji_between_words_take_no_position()
    {
        Assert.Equal("i@0 love@1 pizza@3", Terms(TextAnalyzer.English, "I ❤️ love the 🍕 pizza"));
    }

    [Fact]
    public void Analyze_gives_a_query_the_terms_and_positions_the_stream_gives_a_text()
    {
        const string text = "Steam engines were running at the Ærøskøbing docks in 1890, weren't they?";
        var streamed = new List<AnalyzedTerm>();
        foreach (var term in TextAnalyzer.English.Terms(text))
        {
            streamed.Add(term.ToAnalyzedTerm());
        }

        Assert.Equal(streamed, TextAnalyzer.English.Analyze(text));
        Assert.Equal("steam@0 engin@1 were@2 run@3 aeroskob@6 dock@7 1890@9 weren't@10", Terms(TextAnalyzer.English, text));
    }

    [Fact]
    public void Terms_allocate_nothing_per_term()
    {
        var text = string.Join(" ", Enumerable.Repeat("Generously connected nations’ engineers were running faster 3.14 times", 200));
        Count(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = Count(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1800, count);
        Assert.True(allocated < 1024, $"{allocated} bytes allocated for {count} terms");
    }

    [Theory]
    [InlineData("english")]
    [InlineData("English")]
    [InlineData("NONE")]
    public void For_finds_a_language_in_any_case(string language) =>
        Assert.Equal(language.ToLowerInvariant(), TextAnalyzer.For(language).Language);

    [Theory]
    [InlineData("klingon")]
    [InlineData("")]
    [InlineData("en")]
    public void For_an_unknown_language_is_a_typed_error_naming_the_known_ones(string language)
    {
        var error = Assert.Throws<StoreException>(() => TextAnalyzer.For(language));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal("22023", error.SqlState);
        Assert.Equal($"invalid argument: unknown text analysis language '{language}' (known: english, none)", error.Message);
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var term in TextAnalyzer.English.Terms(text))
        {
            count += term.Text.Length > 0 ? 1 : 0;
        }

        return count;
    }

    private static string Terms(TextAnalyzer analyzer, string text) =>
        string.Join(" ", analyzer.Analyze(text).Select(t => $"{t.Text}@{t.Position}"));
}
