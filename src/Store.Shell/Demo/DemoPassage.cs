namespace Store.Shell.Demo;

/// <summary>One passage of the demo corpus (sql-samples/demo/passages.tsv): a topic, the year it is about (none for timeless facts), a title and the text.</summary>
internal sealed record DemoPassage(string Topic, int? Year, string Title, string Body)
{
    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "demo", "passages.tsv");

    /// <summary>What the demo embeds: the title, a full stop, and the text.</summary>
    public string Text => $"{Title}. {Body}";

    /// <summary>The passages of a tab-separated file with a header line: topic, year, title, text.</summary>
    public static List<DemoPassage> Load(string path) =>
        File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t')).Select(f =>
            new DemoPassage(f[0], f[1].Length == 0 ? null : int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2], f[3])).ToList();
}
