using System.Text;
using Store.Access.FullText;

namespace Store.Access.Tests.FullText;

/// <summary>Case, accent and compatibility folding of single words.</summary>
public sealed class TermFolderTests
{
    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFE\u0301", "cafe")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("straße", "strasse")]
    [InlineData("STRAẞE", "strasse")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Þór", "thor")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("naïve", "naive")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("col·lecció", "colleccio")]
    public void Fold_lower_cases_and_removes_accents_from_latin_words(string word, string term) => Assert.Equal(term, Fold(word));

    [Theory]
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευσ")]
    [InlineData("Ἀθῆναι", "αθηναι")]
    [InlineData("ὀδυσσεύς", "οδυσσευσ")]
    [InlineData("Ёлка", "елка")]
    [InlineData("МОСКВА", "москва")]
    public void Fold_removes_accents_from_greek_and_cyrillic_and_folds_final_sigma(string word, string term) =>
        Assert.Equal(term, Fold(word));

    [Theory]
    [InlineData("ﬁnance", "finance")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ１２", "fullwidth12")]
    [InlineData("H₂O", "h2o")]
    [InlineData("x²", "x2")]
    [InlineData("ĳssel", "ijssel")]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("\U0001D400\U0001D401", "ab")]
    public void Fold_replaces_compatibility_forms_by_plain_ones(string word, string term) => Assert.Equal(term, Fold(word));

    [Theory]
    [InlineData("don’t", "don't")]
    [InlineData("don\u02BCt", "don't")]
    [InlineData("co\u00ADoperate", "cooperate")]
    [InlineData("zero\u200Dwidth", "zerowidth")]
    public void Fold_makes_apostrophes_plain_and_drops_format_characters(string word, string term) => Assert.Equal(term, Fold(word));

    [Theory]
    [InlineData("서울특별시")]
    [InlineData("हिन्दी")]
    [InlineData("ภาษาไทย")]
    [InlineData("東")]
    [InlineData("שָׁלוֹם")]
    public void Fold_keeps_the_letters_and_signs_of_other_scripts_precomposed(string word) =>
        Assert.Equal(word.Normalize(NormalizationForm.FormC), Fold(word));

    [Fact]
    public void Fold_gives_the_same_through_its_table_as_through_the_normaliser()
    {
        // A Hiragana letter in the word sends it down the general path; without it, the table serves.
        for (var c = (char)0x80; c < 0x530; c++)
        {
            var word = c.ToString();
            Assert.True(Fold(word + "あ") == Fold(word) + "あ", $"U+{(int)c:X4} folds to '{Fold(word)}' by table and '{Fold(word + "あ")}' otherwise");
        }
    }

    [Fact]
    public void Fold_reports_a_result_too_long_for_the_destination()
    {
        var scratch = new char[64];
        Assert.Equal(-1, TermFolder.Fold("abcdef", new char[5], scratch));
        Assert.Equal(-1, TermFolder.Fold("ßßß", new char[5], scratch));
        Assert.Equal(5, TermFolder.Fold("ABCDE", new char[5], scratch));
    }

    private static string Fold(string word)
    {
        var destination = new char[word.Length * 4];
        var scratch = new char[word.Length * TermFolder.MaxDecompositionFactor];
        var length = TermFolder.Fold(word, destination, scratch);
        Assert.True(length >= 0, $"'{word}' did not fit");
        return new string(destination, 0, length);
    }
}
