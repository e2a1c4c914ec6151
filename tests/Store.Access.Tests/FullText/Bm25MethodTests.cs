using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Storage.Paging;

namespace Store.Access.Tests.FullText;

/// <summary>CREATE INDEX ... USING bm25: its columns and WITH options, read and range-checked into typed errors.</summary>
public sealed class Bm25MethodTests
{
    [Fact]
    public void Parse_gives_anserini_s_defaults_without_options()
    {
        var parameters = Parse(["body"]);
        Assert.Equal(new Bm25Parameters(0.9, 0.4, TextAnalyzer.English), parameters);
    }

    [Fact]
    public void Parse_reads_every_option_in_any_case()
    {
        var parameters = Parse(["title", "body"], new("K1", "1.2"), new("b", "0.75"), new("language", "NONE"));
        Assert.Equal(new Bm25Parameters(1.2, 0.75, TextAnalyzer.None), parameters);
        Assert.Equal(new Bm25Parameters(0, 1, TextAnalyzer.English), Parse(["body"], new("k1", "0"), new("b", "1")));
        Assert.Equal(3, ((Bm25Parameters)Parse(["body"], [new("k1", "3")])).K1);
    }

    [Theory]
    [InlineData("k1", "3.5", "bm25 option k1 must be a number from 0 to 3, not '3.5'")]
    [InlineData("k1", "-0.1", "bm25 option k1 must be a number from 0 to 3, not '-0.1'")]
    [InlineData("k1", "NaN", "bm25 option k1 must be a number from 0 to 3, not 'NaN'")]
    [InlineData("b", "1.01", "bm25 option b must be a number from 0 to 1, not '1.01'")]
    [InlineData("b", "half", "bm25 option b must be a number from 0 to 1, not 'half'")]
    [InlineData("language", "klingon", "unknown text analysis language 'klingon' (known: english, none)")]
    [InlineData("k3", "1", "unknown bm25 option 'k3' (known: k1, b, language)")]
    public void A_bad_option_is_a_typed_error(string name, string value, string message)
    {
        var error = Assert.Throws<StoreException>(() => Parse(["body"], [new(name, value)]));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal($"invalid argument: {message}", error.Message);
    }

    [Theory]
    [InlineData("year", "invalid argument: a bm25 index covers TEXT columns, and docs.year is INTEGER")]
    [InlineData("body,BODY", "invalid argument: a bm25 index names column body more than once")]
    [InlineData("summary", "column 'docs.summary' does not exist")]
    public void A_column_the_method_cannot_index_is_a_typed_error(string columns, string message)
    {
        var error = Assert.Throws<StoreException>(() => Parse(columns.Split(',')));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_refused_create_index_leaves_no_index()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Assert.Throws<StoreException>(() => Bm25Corpus.CreateIndex(txn, ["body"], [new("b", "2")]));
        Assert.Empty(new SystemCatalog(txn, new DatabaseState()).IndexesOf("docs"));
    }

    private static IndexParameters Parse(string[] columns, params KeyValuePair<string, string>[] options) =>
        IndexMethods.Get("bm25").Parse(new IndexSchema("docs_text", "docs", columns, Method: "bm25", Options: options), Bm25Corpus.Docs);
}
