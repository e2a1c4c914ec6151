using Store.Core.Errors;
using Store.Sql.Parsing;
using Store.Sql.Syntax;

namespace Store.Sql.Tests.Parsing;

public class StatementParserTests
{
    [Fact]
    public void ParseScript_reads_the_design_brief_ddl_and_dml()
    {
        var statements = SqlParser.ParseScript("""
            ;
            CREATE TABLE docs (
              id    INTEGER PRIMARY KEY,
              title TEXT,
              body  TEXT NOT NULL,
              year  INTEGER,
              emb   VECTOR(384),
              terms SPARSE
            );
            CREATE INDEX docs_emb ON docs USING hnsw (emb) WITH (metric = 'cosine', m = 16, ef_construction = 200);
            CREATE UNIQUE INDEX IF NOT EXISTS docs_year ON docs (year, title);
            INSERT INTO docs (id, title, body, year) VALUES (1, 'Aspirin', 'Aspirin inhibits COX-1', 2019), (2, 'b', 'c', NULL);
            INSERT INTO archive SELECT * FROM docs WHERE year < 2000;
            UPDATE docs SET terms = sparse_embed('splade', body), year = year + 1 WHERE terms IS NULL;
            DELETE FROM docs WHERE id = ?;
            BEGIN; COMMIT TRANSACTION; ROLLBACK;
            DROP INDEX IF EXISTS docs_emb;;
            DROP TABLE docs
            """);

        Assert.Equal(
            [
                typeof(CreateTableStatement), typeof(CreateIndexStatement), typeof(CreateIndexStatement), typeof(InsertStatement),
                typeof(InsertStatement), typeof(UpdateStatement), typeof(DeleteStatement), typeof(TransactionStatement),
                typeof(TransactionStatement), typeof(TransactionStatement), typeof(DropStatement), typeof(DropStatement),
            ],
            statements.Select(s => s.GetType()));

        var table = (CreateTableStatement)statements[0];
        Assert.Equal((2, 1), (table.Line, table.Column));
        Assert.Equal(["INTEGER", "TEXT", "TEXT", "INTEGER", "VECTOR", "SPARSE"], table.Columns.Select(c => c.TypeName));
        Assert.True(table.Columns[0].PrimaryKey);
        Assert.True(table.Columns[2].NotNull);
        Assert.Equal(384, table.Columns[4].Dimensions);

        var hnsw = (CreateIndexStatement)statements[1];
        Assert.Equal("hnsw", hnsw.Method);
        Assert.Equal(["metric", "m", "ef_construction"], hnsw.Options.Select(o => o.Key));
        var year = (CreateIndexStatement)statements[2];
        Assert.True(year.Unique && year.IfNotExists);
        Assert.Null(year.Method);
        Assert.Equal(["year", "title"], year.Columns);

        Assert.Equal(2, ((InsertStatement)statements[3]).Rows!.Count);
        Assert.NotNull(((InsertStatement)statements[4]).Query);
        Assert.Equal(["terms", "year"], ((UpdateStatement)statements[5]).Assignments.Select(a => a.Column));
        Assert.Equal(
            [TransactionAction.Begin, TransactionAction.Commit, TransactionAction.Rollback],
            statements.OfType<TransactionStatement>().Select(t => t.Action));
        Assert.Equal(DropTarget.Index, ((DropStatement)statements[10]).Target);
    }

    [Fact]
    public void ParseScript_reads_settings_listings_and_explain()
    {
        var statements = SqlParser.ParseScript(
            "SET hnsw.ef_search = 80; SHOW TABLES; SHOW indexes; SHOW MODELS; DESCRIBE docs; PRAGMA integrity_check; " +
            "EXPLAIN SELECT id FROM docs ORDER BY emb <=> :q LIMIT 10");

        var set = Assert.IsType<SetStatement>(statements[0]);
        Assert.Equal("hnsw.ef_search", set.Name);
        Assert.Equal([ShowTarget.Tables, ShowTarget.Indexes, ShowTarget.Models], statements.OfType<ShowStatement>().Select(s => s.Target));
        Assert.Equal("docs", Assert.IsType<DescribeStatement>(statements[4]).Table);
        Assert.Equal("integrity_check", Assert.IsType<PragmaStatement>(statements[5]).Name);
        var explain = Assert.IsType<ExplainStatement>(statements[6]);
        Assert.IsType<SelectStatement>(explain.Statement);
        Assert.Equal((1, 105), (explain.Line, explain.Column));
    }

    [Fact]
    public void ParseScript_reads_reindex_in_sqlite_s_and_postgresql_s_forms()
    {
        var statements = SqlParser.ParseScript("REINDEX; REINDEX docs; REINDEX INDEX docs_emb; reindex table docs");

        Assert.Equal(
            [(null, null), ("docs", null), ("docs_emb", DropTarget.Index), ("docs", DropTarget.Table)],
            statements.Cast<ReindexStatement>().Select(r => (r.Name, r.Target)));
        Assert.Equal((1, 48), (statements[3].Line, statements[3].Column));
    }

    [Fact]
    public void ParseScript_of_nothing_but_semicolons_is_empty()
    {
        Assert.Empty(SqlParser.ParseScript(" ; ;; "));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a INTEGER,)", 1, 27)]
    [InlineData("INSERT INTO t VALUES (1, 2", 1, 27)]
    [InlineData("SELECT 1 SELECT 2", 1, 10)]
    [InlineData("CREATE VIEW v", 1, 8)]
    [InlineData("UPDATE t SET a = 1 WHERE", 1, 25)]
    [InlineData("REINDEX INDEX", 1, 14)]
    [InlineData("REINDEX docs extra", 1, 14)]
    public void ParseScript_error_points_at_the_offending_token(string sql, int line, int column)
    {
        var error = Assert.Throws<StoreException>(() => SqlParser.ParseScript(sql));

        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
