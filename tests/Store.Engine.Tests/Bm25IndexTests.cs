using Store.Core.Errors;

namespace Store.Engine.Tests;

/// <summary>CREATE INDEX ... USING bm25 through SQL: created, kept in step with writes, checked and rebuilt; bad options refused.</summary>
public sealed class Bm25IndexTests
{
    [Fact]
    public void A_bm25_index_stays_in_step_with_sql_writes_and_passes_the_integrity_check()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT)");
        db.Run("INSERT INTO docs (title, body) VALUES ('Steam', 'The steam engine'), ('Rivers', NULL), (NULL, NULL)");
        db.Run("CREATE INDEX docs_body ON docs USING bm25 (body) WITH (k1 = 0.9, b = 0.4, language = 'english')");
        db.Run("CREATE INDEX docs_text ON docs USING bm25 (title, body) WITH (language = none)");
        db.Run("INSERT INTO docs (title, body) VALUES ('Coal', 'coal and iron')");
        db.Run("UPDATE docs SET body = 'river boats' WHERE id = 2");
        db.Run("DELETE FROM docs WHERE id = 1");
        db.Run("BEGIN; INSERT INTO docs (title, body) VALUES ('Night', 'night trains'); ROLLBACK");
        Assert.Equal("ok", db.Scalar("PRAGMA integrity_check").AsText);
        db.Run("REINDEX docs");
        Assert.Equal("ok", db.Scalar("PRAGMA integrity_check").AsText);
    }

    [Theory]
    [InlineData("WITH (b = 2)", "bm25 option b must be a number from 0 to 1, not '2'")]
    [InlineData("WITH (language = 'klingon')", "unknown text analysis language 'klingon' (known: english, none)")]
    [InlineData("WITH (k = 1)", "unknown bm25 option 'k' (known: k1, b, language)")]
    public void Bad_bm25_options_are_typed_errors_that_create_nothing(string with, string message)
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)");
        var error = Assert.Throws<StoreException>(() => db.Run($"CREATE INDEX docs_body ON docs USING bm25 (body) {with}"));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        db.Run("CREATE INDEX docs_body ON docs USING bm25 (body)");
    }
}
