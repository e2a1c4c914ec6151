using Dapper;
using Store.Testing;

namespace Store.Data.Tests;

public class DapperTests
{
    static DapperTests()
    {
        SqlMapper.AddTypeHandler(new FloatArrayTypeHandler());
    }

    private static StoreConnection Docs()
    {
        var connection = TestConnections.OpenMemory();
        connection.Execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, emb VECTOR(3), published BOOLEAN, score REAL)");
        connection.Execute(
            "INSERT INTO docs (id, title, emb, published, score) VALUES (@Id, @Title, @Emb, @Published, @Score)",
            new[]
            {
                new Doc { Id = 1, Title = "north", Emb = [0, 1, 0], Published = true, Score = 0.5 },
                new Doc { Id = 2, Title = "east", Emb = [1, 0, 0], Published = false },
                new Doc { Id = 3, Title = "north-east", Emb = [0.7f, 0.7f, 0], Published = true, Score = 2 },
            });
        return connection;
    }

    [Fact]
    public void Embedding_and_searching_with_the_built_in_model_through_dapper()
    {
        using var connection = new StoreConnection("Data Source=:memory:;Device=Cpu");
        connection.Open();
        connection.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384))");
        connection.Execute("INSERT INTO notes (id, body, emb) VALUES (@Id, @Body, embed(@Body))", new[]
        {
            new { Id = 1, Body = "The train to the airport leaves every ten minutes." },
            new { Id = 2, Body = "Sourdough needs a starter of wild yeast." },
        });
        var found = connection.QuerySingle<long>("SELECT id FROM notes ORDER BY emb <=> embed_query(@Question) LIMIT 1", new { Question = "how do I bake bread" });
        var vector = connection.QuerySingle<float[]>("SELECT embed_query('minilm', @Question)", new { Question = "how do I bake bread" });
        Assert.Equal(2, found);
        Assert.Equal(384, vector.Length);
    }

    [Fact]
    public void Query_maps_rows_to_a_class_with_a_vector_property()
    {
        using var connection = Docs();

        var docs = connection.Query<Doc>("SELECT id, title, emb, published, score FROM docs ORDER BY id").ToList();

        Assert.Equal([1L, 2L, 3L], docs.Select(d => d.Id));
        Assert.Equal(["north", "east", "north-east"], docs.Select(d => d.Title));
        Assert.Equal([0.7f, 0.7f, 0f], docs[2].Emb!);
        Assert.Equal([true, false, true], docs.Select(d => d.Published));
        Assert.Equal([0.5, null, 2.0], docs.Select(d => d.Score));
    }

    [Fact]
    public void Execute_with_an_anonymous_object_binds_its_properties_by_name()
    {
        using var connection = Docs();

        var changed = connection.Execute("UPDATE docs SET title = @title, emb = @emb WHERE id = @id", new { id = 2, title = "EAST", emb = new[] { 2f, 0f, 0f } });

        Assert.Equal(1, changed);
        var doc = connection.QuerySingle<Doc>("SELECT id, title, emb FROM docs WHERE id = :id", new { id = 2 });
        Assert.Equal("EAST", doc.Title);
        Assert.Equal([2f, 0f, 0f], doc.Emb!);
    }

    [Fact]
    public void QuerySingle_of_long_reads_a_count()
    {
        using var connection = Docs();

        Assert.Equal(2L, connection.QuerySingle<long>("SELECT COUNT(*) FROM docs WHERE published = @published", new { published = true }));
    }

    [Fact]
    public void Query_with_a_float_array_parameter_returns_the_nearest_ids()
    {
        using var connection = Docs();

        var ids = connection.Query<long>("SELECT id FROM docs ORDER BY emb <-> @q LIMIT 2", new { q = new[] { 0.1f, 0.9f, 0f } });

        Assert.Equal([1L, 3L], ids);
    }

    [Fact]
    public void QueryMultiple_reads_each_result_set_in_turn()
    {
        using var connection = Docs();

        using var results = connection.QueryMultiple("SELECT COUNT(*) FROM docs; SELECT title FROM docs WHERE id = @id", new { id = 3 });

        Assert.Equal(3L, results.ReadSingle<long>());
        Assert.Equal("north-east", results.ReadSingle<string>());
    }

    [Fact]
    public void Execute_in_a_transaction_is_undone_by_rollback()
    {
        using var connection = Docs();

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("DELETE FROM docs WHERE id > @id", new { id = 1 }, transaction);
            Assert.Equal(1L, connection.QuerySingle<long>("SELECT COUNT(*) FROM docs", transaction: transaction));
        }

        Assert.Equal(3L, connection.QuerySingle<long>("SELECT COUNT(*) FROM docs"));
    }

    [Fact]
    public void Query_on_a_closed_file_connection_opens_and_closes_it()
    {
        using var directory = new TempDirectory();
        using var connection = new StoreConnection($"Data Source={directory.File("dapper.store")}");

        connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)");

        Assert.Equal([1L, 2L], connection.Query<long>("SELECT id FROM t ORDER BY id"));
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    /// <summary>A row of <c>docs</c> as Dapper maps it.</summary>
    public sealed class Doc
    {
        public long Id { get; set; }

        public string Title { get; set; } = "";

        public float[]? Emb { get; set; }

        public bool Published { get; set; }

        public double? Score { get; set; }
    }
}
