using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Access.Tests.FullText;

/// <summary>
/// A table <c>docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT, year INTEGER)</c> of random texts
/// from a small vocabulary (stop words and inflections among it, so that terms repeat and scores tie),
/// and the way the BM25 tests reach its index.
/// </summary>
internal static class Bm25Corpus
{
    public static readonly TableSchema Docs = new("docs",
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("title", "TEXT"),
        new ColumnDefinition("body", "TEXT"),
        new ColumnDefinition("year", "INTEGER"),
    ]);

    private static readonly string[] Vocabulary =
    [
        "steam", "engine", "engines", "engineering", "running", "runs", "run", "river", "boat", "boats", "the", "a", "of",
        "train", "station", "iron", "coal", "fire", "water", "night", "light", "quick", "quickly", "horse", "horses", "road",
    ];

    public static string Text(Random random, int maxWords) =>
        string.Join(' ', Enumerable.Range(0, random.Next(0, maxWords + 1)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    /// <summary>A random text, or now and then NULL.</summary>
    public static string? MaybeText(Random random, int maxWords) => random.Next(8) == 0 ? null : Text(random, maxWords);

    public static DbValue[] Row(long? id, string? title, string? body, long year = 1900) =>
        [id is { } i ? DbValue.FromInteger(i) : DbValue.Null, Value(title), Value(body), DbValue.FromInteger(year)];

    public static DbValue Value(string? text) => text is null ? DbValue.Null : DbValue.FromText(text);

    public static void CreateTable(WriteTransaction txn) => new SystemCatalog(txn, new DatabaseState()).CreateTable(Docs);

    public static IndexInfo CreateIndex(WriteTransaction txn, string[] columns, params KeyValuePair<string, string>[] options) =>
        new SystemCatalog(txn, new DatabaseState()).CreateIndex(new IndexSchema("docs_text", "docs", columns, Method: "bm25", Options: options));

    public static Tables.Table Table(ReadTransaction txn) => new SystemCatalog(txn, new DatabaseState()).OpenTable("docs");

    public static Bm25Index Index(ReadTransaction txn)
    {
        var catalog = new SystemCatalog(txn, new DatabaseState());
        return (Bm25Index)catalog.OpenIndex(catalog.IndexesOf("docs").Single(i => i.Schema.Method == "bm25"));
    }

    /// <summary>Every record of the index's tree, as hex, to compare two states of it.</summary>
    public static List<string> Records(ReadTransaction txn)
    {
        var catalog = new SystemCatalog(txn, new DatabaseState());
        var root = catalog.IndexesOf("docs").Single(i => i.Schema.Method == "bm25").Root;
        return new BTrees.BTree(txn, root).Scan().Select(e => $"{Convert.ToHexString(e.Key)}={Convert.ToHexString(e.Value)}").ToList();
    }

    /// <summary>A query of 1 to 8 vocabulary words with at least one term (not all stop words).</summary>
    public static string Query(Random random, TextAnalyzer analyzer)
    {
        while (true)
        {
            var query = Text(random, 8);
            if (analyzer.Analyze(query).Count > 0)
            {
                return query;
            }
        }
    }
}
