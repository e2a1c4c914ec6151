using Store.Core.Errors;
using Store.Testing;

namespace Store.Engine.Tests;

public class StatementTests
{
    [Fact]
    public void Update_and_delete_report_rows_affected()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER); INSERT INTO t (n) VALUES (1), (2), (3), (4)");
        Assert.Equal(2, db.Run("UPDATE t SET n = n * 10 WHERE n >= 3"));
        Assert.Equal(1, db.Run("DELETE FROM t WHERE id = 1"));
        Assert.Equal(["2|2", "3|30", "4|40"], db.Lines("SELECT * FROM t ORDER BY id"));
    }

    [Fact]
    public void Insert_select_copies_rows_and_reads_before_writing()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)");
        Assert.Equal(2, db.Run("INSERT INTO t SELECT n + 10 FROM t"));
        Assert.Equal(["1", "2", "11", "12"], db.Lines("SELECT n FROM t ORDER BY n"));
    }

    [Fact]
    public void Update_through_an_index_on_the_updated_column_changes_each_row_once()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER); CREATE INDEX t_n ON t (n); INSERT INTO t (n) VALUES (1), (2), (3)");
        Assert.Equal(3, db.Run("UPDATE t SET n = n + 1 WHERE n > 0"));
        Assert.Equal(["2", "3", "4"], db.Lines("SELECT n FROM t ORDER BY n"));
        Assert.Equal(["ok"], db.Lines("PRAGMA integrity_check"));
    }

    [Fact]
    public void Rollback_discards_and_commit_keeps()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (n INTEGER)");
        db.Run("BEGIN; INSERT INTO t VALUES (1); ROLLBACK");
        db.Run("BEGIN; INSERT INTO t VALUES (2); COMMIT");
        Assert.Equal(["2"], db.Lines("SELECT n FROM t"));
        Assert.Equal(ErrorCode.TransactionState, Assert.Throws<StoreException>(() => db.Run("COMMIT")).Code);
    }

    [Fact]
    public void Show_describe_and_drop()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, emb VECTOR(4)); CREATE UNIQUE INDEX docs_title ON docs (title)");
        Assert.Equal(["docs|3"], db.Lines("SHOW TABLES"));
        Assert.Equal(["docs_title|docs|btree|title|1||"], db.Lines("SHOW INDEXES"));
        Assert.Equal(["id|INTEGER|1|1", "title|TEXT|1|0", "emb|VECTOR(4)|0|0"], db.Lines("DESCRIBE docs"));
        db.Run("DROP INDEX docs_title; DROP TABLE docs; DROP TABLE IF EXISTS docs");
        Assert.Empty(db.Lines("SHOW TABLES"));
        Assert.Empty(db.Lines("SHOW INDEXES"));
    }

    [Fact]
    public void Text_primary_key_is_unique_and_not_null()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (code TEXT PRIMARY KEY, n INTEGER); INSERT INTO t VALUES ('a', 1)");
        Assert.Equal(ErrorCode.DuplicateKey, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES ('a', 2)")).Code);
        Assert.Equal(ErrorCode.ConstraintViolation, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (NULL, 2)")).Code);
        Assert.Contains(db.Lines("EXPLAIN SELECT n FROM t WHERE code = 'a'"), l => l.Contains("using index t_pkey", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_accepts_known_settings_only()
    {
        using var db = new SqlRunner();
        db.Run("SET hnsw.ef_search = 80");
        Assert.Equal(80, db.Session.Settings["hnsw.ef_search"].AsInteger);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Run("SET hnsw.ef_serch = 80")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => db.Run("SET ivf.probes = 0")).Code);
    }

    [Fact]
    public void Data_survives_reopening_the_file()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "reopen.db");
        using (var db = new SqlRunner(path))
        {
            db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, emb VECTOR(2)); INSERT INTO t VALUES (1, '[1, 2]'), (2, '[3, 4]')");
        }

        using (var db = new SqlRunner(path, new DatabaseOptions { Mode = OpenMode.ReadOnly }))
        {
            Assert.Equal(["2"], db.Lines("SELECT id FROM t ORDER BY emb <-> '[3, 3]' LIMIT 1"));
            Assert.Equal(ErrorCode.ReadOnly, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (3, NULL)")).Code);
        }
    }

    [Fact]
    public void Handles_on_one_file_share_one_engine_until_the_last_closes()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "shared.db");
        using (var first = new SqlRunner(path))
        using (var second = new SqlRunner(path))
        {
            Assert.Equal(2, DatabaseRegistry.HandlesOf(path));
            first.Run("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (7)");
            Assert.Equal(["7"], second.Lines("SELECT n FROM t"));
        }

        Assert.Equal(0, DatabaseRegistry.HandlesOf(path));
    }

    [Fact]
    public void A_snapshot_reader_does_not_see_later_commits()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "snapshot.db");
        using var writer = new SqlRunner(path);
        using var reader = new SqlRunner(path);
        writer.Run("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)");
        using var cursor = reader.Session.Execute("SELECT n FROM t ORDER BY n");
        writer.Run("INSERT INTO t VALUES (0)");
        var seen = new List<long>();
        while (cursor.Read())
        {
            seen.Add(cursor[0].AsInteger);
        }

        Assert.Equal([1L, 2L], seen);
        Assert.Equal(3, reader.Scalar("SELECT COUNT(*) FROM t").AsInteger);
    }

    [Fact]
    public void Repeated_text_is_parsed_once_but_planned_against_the_current_schema()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)");
        Assert.Same(db.Session.Prepare("SELECT * FROM t"), db.Session.Prepare("SELECT * FROM t"));
        Assert.Equal(["1"], db.Lines("SELECT * FROM t"));
        db.Run("DROP TABLE t; CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (2, 'x')");
        Assert.Equal(["2|x"], db.Lines("SELECT * FROM t"));
    }
}
