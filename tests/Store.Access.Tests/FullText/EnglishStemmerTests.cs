using System.IO.Compression;
using Store.Access.FullText;

namespace Store.Access.Tests.FullText;

/// <summary>The stemmer against Snowball's published English vocabulary and expected output.</summary>
public sealed class EnglishStemmerTests
{
    private const int VocabularySize = 42_649;

    [Fact]
    public void Stem_gives_snowballs_stem_for_every_word_of_its_english_vocabulary()
    {
        var vocabulary = SnowballVocabulary();
        Assert.Equal(VocabularySize, vocabulary.Count);

        var wrong = vocabulary.Where(entry => Stem(entry.Word) != entry.Stem)
            .Select(entry => $"{entry.Word}: expected {entry.Stem}, got {Stem(entry.Word)}").ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {vocabulary.Count} words stem differently:\n{string.Join("\n", wrong.Take(30))}");
    }

    [Theory]
    [InlineData("consignment", "consign")]
    [InlineData("generously", "generous")]
    [InlineData("dying", "die")]
    [InlineData("proceed", "proceed")]
    [InlineData("agreed", "agre")]
    [InlineData("hoping", "hope")]
    [InlineData("hopping", "hop")]
    [InlineData("cries", "cri")]
    [InlineData("ties", "tie")]
    [InlineData("gas", "gas")]
    [InlineData("people's", "peopl")]
    [InlineData("skies", "sky")]
    [InlineData("yes", "yes")]
    [InlineData("by", "by")]
    public void Stem_follows_the_snowball_rules(string word, string stem) => Assert.Equal(stem, Stem(word));

    [Fact]
    public void Stem_leaves_words_of_other_scripts_and_numbers_alone()
    {
        Assert.Equal("日本", Stem("日本"));
        Assert.Equal("москва", Stem("москва"));
        Assert.Equal("1990s", Stem("1990s"));
        Assert.Equal("3.14", Stem("3.14"));
    }

    private static string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, EnglishStemmer.Stem(buffer));
    }

    private static List<(string Word, string Stem)> SnowballVocabulary()
    {
        using var resource = typeof(EnglishStemmerTests).Assembly.GetManifestResourceStream("snowball-english.tsv.gz")
            ?? throw new InvalidOperationException("the snowball-english.tsv.gz resource is missing");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            entries.Add((line[..tab], line[(tab + 1)..]));
        }

        return entries;
    }
}
