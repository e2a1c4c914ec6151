using System.Collections.Frozen;
using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Access.Vectors.Hnsw;
using Store.Access.Vectors.Ivf;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Indexing;

/// <summary>
/// The index methods besides the B+tree, by name: the one place that lists them. CREATE INDEX,
/// the catalog, the planner, SET and EXPLAIN find a method and its settings here.
/// </summary>
internal static class IndexMethods
{
    /// <summary>In the order error messages list them.</summary>
    public static readonly IReadOnlyList<IndexMethod> All =
    [
        new HnswMethod(),
        new IvfMethod(),
        new PlannedIndexMethod("spann", SqlType.Vector, QueryShape.NearestByDistance),
        new PlannedIndexMethod("sparse", SqlType.Sparse, QueryShape.NearestByDistance),
        new Bm25Method(),
    ];

    private static readonly FrozenDictionary<string, IndexMethod> ByName = All.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, SearchSetting> SettingsByName =
        All.SelectMany(m => m.Settings).ToFrozenDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The method named by <c>USING name</c>, ready to create an index; a typed error for a name
    /// no method has and for a method this version does not have yet.
    /// </summary>
    public static IndexMethod Get(string name) =>
        !ByName.TryGetValue(name, out var method)
            ? throw StoreErrors.NotSupported($"unknown index method '{name}' ({IndexSchema.BTree}, {string.Join(", ", All.SkipLast(1).Select(m => m.Name))} or {All[^1].Name})")
            : method is PlannedIndexMethod planned ? throw planned.NotAvailable()
            : method;

    /// <summary>The method of a name, planned or not, or null: for listings, which must not fail on an index a later version wrote.</summary>
    public static IndexMethod? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>A search setting by its SET name, or null.</summary>
    public static SearchSetting? FindSetting(string name) => SettingsByName.GetValueOrDefault(name);
}
