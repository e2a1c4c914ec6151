using System.Text.Json;

namespace Store.Bench.Commands.Eval;

/// <summary>
/// A retrieval test collection in BEIR layout: corpus.jsonl (<c>_id, title, text</c>),
/// queries.jsonl (<c>_id, text</c>) and qrels/test.tsv (a header, then query id, document id,
/// grade; a grade above 0 is relevant). A document's text is its title, a space, and its text.
/// </summary>
internal sealed record BeirCollection(string Name, IReadOnlyList<(string Id, string Text)> Documents, IReadOnlyList<(string Id, string Text)> Queries, IReadOnlyDictionary<string, Dictionary<string, int>> Judgements)
{
    public static BeirCollection Load(string directory)
    {
        var documents = ReadJsonLines(Path.Combine(directory, "corpus.jsonl"))
            .Select(d => (Id(d), $"{Text(d, "title")} {Text(d, "text")}".Trim())).ToList();
        var judgements = File.ReadLines(Path.Combine(directory, "qrels", "test.tsv")).Skip(1)
            .Select(line => line.Split('\t')).Where(f => f.Length >= 3)
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.ToDictionary(f => f[1], f => int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
        // As BEIR evaluates: only queries with at least one relevant document.
        var queries = ReadJsonLines(Path.Combine(directory, "queries.jsonl")).Select(q => (Id(q), Text(q, "text")))
            .Where(q => judgements.TryGetValue(q.Item1, out var judged) && judged.Values.Any(grade => grade > 0)).ToList();
        return new BeirCollection(Path.GetFileName(Path.GetFullPath(directory)), documents, queries, judgements);
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone());

    private static string Id(JsonElement element) => element.GetProperty("_id").ToString();

    private static string Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
}
