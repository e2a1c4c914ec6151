using System.Diagnostics;
using System.Text.Json;
using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Bench.Commands;

/// <summary>
/// <c>demo</c>: what the engine can do so far, end to end on a real file. Loads passages from
/// ../shared/data/text/gutenberg (or generated text when that folder is absent) into a table
/// with two indexes, reopens the file, reads rows by key, by index and by range, and prints
/// the integrity report. The SQL shell replaces this as the main job when it lands.
/// </summary>
internal static class Demo
{
    private static readonly TableSchema Passages = new("passages",
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("source_id", "TEXT", NotNull: true),
        new ColumnDefinition("words", "INTEGER", NotNull: true),
        new ColumnDefinition("text", "TEXT", NotNull: true),
    ]);

    public static int Run(BenchArguments arguments)
    {
        var count = arguments.Int("passages", 20_000);
        var path = arguments.String("db") ?? Path.Combine(Path.GetTempPath(), "store-demo.db");
        foreach (var file in new[] { path, path + "-wal" })
        {
            File.Delete(file);
        }

        var (source, texts) = LoadPassages(count);
        Console.WriteLine($"database: {path}");
        Console.WriteLine($"loading {texts.Count:N0} passages from {source}");

        var clock = Stopwatch.StartNew();
        using (var pager = Pager.Open(path, new PagerOptions()))
        {
            using (var txn = pager.BeginWrite())
            {
                var catalog = new SystemCatalog(txn);
                catalog.CreateTable(Passages);
                catalog.CreateIndex(new IndexSchema("passages_source", "passages", ["source_id"], Unique: true));
                catalog.CreateIndex(new IndexSchema("passages_words", "passages", ["words"]));
                txn.Commit();
            }

            foreach (var batch in texts.Chunk(1000))
            {
                using var txn = pager.BeginWrite();
                var table = new SystemCatalog(txn).OpenTable("passages");
                foreach (var (id, text) in batch)
                {
                    var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    table.Insert([DbValue.Null, DbValue.FromText(id), DbValue.FromInteger(words), DbValue.FromText(text)]);
                }

                txn.Commit();
            }
        }

        Console.WriteLine($"inserted and closed in {clock.Elapsed.TotalSeconds:F2} s; file is {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB");

        using (var pager = Pager.Open(path, new PagerOptions { ReadOnly = true }))
        using (var txn = pager.BeginRead())
        {
            var catalog = new SystemCatalog(txn);
            var table = catalog.OpenTable("passages");
            var byWords = catalog.IndexesOf("passages").Single(i => i.Schema.Name == "passages_words");
            var bySource = catalog.IndexesOf("passages").Single(i => i.Schema.Name == "passages_source");

            var row = table.Get(42)!;
            Console.WriteLine($"row 42: {row[1]} ({row[2]} words): {Abbreviate(row[3].AsText)}");

            var sourceId = texts[^1].Id;
            var found = table.Seek(bySource, [DbValue.FromText(sourceId)]).Single();
            Console.WriteLine($"source_id '{sourceId}' -> rowid {found}");

            var shortest = table.Seek(byWords, [DbValue.FromInteger(30)]).Take(3).ToList();
            Console.WriteLine($"passages of exactly 30 words: {table.Seek(byWords, [DbValue.FromInteger(30)]).Count()} (first rowids: {string.Join(", ", shortest)})");

            clock.Restart();
            var totalWords = table.Scan().Sum(r => r.Values[2].AsInteger);
            Console.WriteLine($"full scan: {totalWords:N0} words in {clock.Elapsed.TotalMilliseconds:F0} ms");

            Console.WriteLine();
            Console.WriteLine("integrity check:");
            Console.Write(new IntegrityChecker(txn).Run());
        }

        return 0;
    }

    private static (string Source, List<(string Id, string Text)> Texts) LoadPassages(int count)
    {
        var corpus = Path.Combine(RepositoryPaths.SharedData, "text", "gutenberg", "passages.jsonl");
        if (File.Exists(corpus))
        {
            var texts = File.ReadLines(corpus).Take(count).Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return (json.RootElement.GetProperty("_id").GetString()!, json.RootElement.GetProperty("text").GetString()!);
            }).ToList();
            return (corpus, texts);
        }

        var random = new Random(7);
        string[] vocabulary = ["store", "vector", "page", "index", "query", "search", "model", "file", "commit", "row", "tree", "log"];
        var generated = Enumerable.Range(0, count)
            .Select(i => ($"gen-{i}", string.Join(' ', Enumerable.Range(0, random.Next(30, 200)).Select(_ => vocabulary[random.Next(vocabulary.Length)]))))
            .ToList();
        return ("generated text (../shared/data not found)", generated);
    }

    private static string Abbreviate(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
