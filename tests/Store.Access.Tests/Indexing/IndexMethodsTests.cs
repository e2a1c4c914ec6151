using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Access.Indexing;
using Store.Access.Vectors.Hnsw;
using Store.Access.Vectors.Ivf;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Storage.Paging;

namespace Store.Access.Tests.Indexing;

/// <summary>The registry of index methods: lookup, the methods not available yet, the settings they own, and options read once per catalog state.</summary>
public sealed class IndexMethodsTests
{
    private static readonly TableSchema Items = new("items", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("emb", "VECTOR(8)"), new ColumnDefinition("body", "TEXT")]);

    [Theory]
    [InlineData("hnsw", typeof(HnswMethod))]
    [InlineData("IVF", typeof(IvfMethod))]
    [InlineData("BM25", typeof(Bm25Method))]
    public void Get_finds_an_available_method_by_name_in_any_case(string name, Type expected) =>
        Assert.IsType(expected, IndexMethods.Get(name));

    [Theory]
    [InlineData("spann")]
    [InlineData("sparse")]
    public void Get_of_a_planned_method_is_a_typed_not_available_error(string name)
    {
        var error = Assert.Throws<StoreException>(() => IndexMethods.Get(name));
        Assert.Equal(ErrorCode.NotSupported, error.Code);
        Assert.Equal($"not supported: index method '{name.ToLowerInvariant()}' is not available yet in this version", error.Message);
    }

    [Fact]
    public void Get_of_an_unknown_method_lists_every_method()
    {
        var error = Assert.Throws<StoreException>(() => IndexMethods.Get("rtree"));
        Assert.Equal(ErrorCode.NotSupported, error.Code);
        Assert.Equal("not supported: unknown index method 'rtree' (btree, hnsw, ivf, spann, sparse or bm25)", error.Message);
    }

    [Fact]
    public void Methods_say_which_column_type_they_index_and_which_queries_they_answer()
    {
        Assert.Equal(SqlType.Vector, IndexMethods.Get("hnsw").IndexedType);
        Assert.Equal([QueryShape.NearestByDistance], IndexMethods.Get("ivf").QueryShapes);
        var bm25 = IndexMethods.All.Single(m => m.Name == "bm25");
        Assert.Equal(SqlType.Text, bm25.IndexedType);
        Assert.Equal([QueryShape.TopByScore, QueryShape.TextMatch], bm25.QueryShapes);
        Assert.Equal(SqlType.Sparse, IndexMethods.All.Single(m => m.Name == "sparse").IndexedType);
    }

    [Fact]
    public void Each_setting_belongs_to_one_method_and_is_found_by_its_set_name()
    {
        var settings = IndexMethods.All.SelectMany(m => m.Settings.Select(s => (Method: m.Name, Setting: s))).ToList();
        Assert.All(settings, s => Assert.StartsWith(s.Method + ".", s.Setting.Name, StringComparison.Ordinal));
        Assert.Equal(settings.Count, settings.Select(s => s.Setting.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(new SearchSetting("hnsw.ef_search", 40, 1, 100_000), IndexMethods.FindSetting("HNSW.EF_SEARCH"));
        Assert.Equal(new SearchSetting("ivf.probes", 10, 1, 1_000_000), IndexMethods.FindSetting("ivf.probes"));
        Assert.Equal("ef_search", IndexMethods.FindSetting("hnsw.ef_search")!.ShortName);
        Assert.Null(IndexMethods.FindSetting("hnsw.ef"));
    }

    [Fact]
    public void Parse_reads_options_into_the_method_s_record_with_the_column_s_dimensions()
    {
        var parameters = IndexMethods.Get("hnsw").Parse(new IndexSchema("h", "items", ["emb"], Method: "hnsw", Options: [new("metric", "cosine"), new("m", "8")]), Items);
        Assert.Equal(new HnswParameters(VectorMetric.Cosine, 8, 8, HnswParameters.DefaultEfConstruction), parameters);
    }

    [Fact]
    public void Parse_refuses_a_column_the_method_does_not_index()
    {
        var error = Assert.Throws<StoreException>(() => IndexMethods.Get("ivf").Parse(new IndexSchema("i", "items", ["body"], Method: "ivf"), Items));
        Assert.Equal("invalid argument: a vector index needs a VECTOR(n) column, and items.body is TEXT", error.Message);
    }

    [Fact]
    public void Readers_of_one_committed_catalog_share_its_indexes_and_their_parsed_options()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        var state = new DatabaseState();
        using (var txn = pager.BeginWrite())
        {
            var catalog = new SystemCatalog(txn, state);
            catalog.CreateTable(Items);
            catalog.CreateIndex(new IndexSchema("items_emb", "items", ["emb"], Method: "hnsw", Options: [new("m", "8")]));
            txn.Commit();
        }

        using var first = pager.BeginRead();
        using var second = pager.BeginRead();
        var one = new SystemCatalog(first, state).VectorIndexesOf("items")[0];
        var other = new SystemCatalog(second, state).VectorIndexesOf("items")[0];
        Assert.Same(one, other);
        Assert.Same(one.Parameters, other.Parameters);

        // Another database's state reads the catalog for itself.
        Assert.NotSame(one, new SystemCatalog(first, new DatabaseState()).VectorIndexesOf("items")[0]);
    }
}
