using Store.Testing;

namespace Store.Shell.Tests;

/// <summary>The main job, <c>store demo</c>, end to end: the real program, the real model, a real file.</summary>
public class DemoTests
{
    [Fact]
    public void Demo_builds_an_embedded_indexed_database_and_its_searches_find_the_right_passages()
    {
        using var directory = new TempDirectory();
        var path = directory.File("demo.store");
        var (exitCode, output, error) = StoreProcess.Run(["demo", path]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("embedded 214 passages with the built-in model 'arctic'", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*21 \| science \| Photosynthesis", output);
        Assert.Matches(@"(?m)^\s*145 \| Aspirin", output);
        Assert.Contains("using index passages_emb", output, StringComparison.Ordinal);
        Assert.Contains("built the BM25 index", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*21 \| science\s*\| Photosynthesis\s*\| 13\.075", output);
        Assert.Contains($"src/Store.Shell -- {path}", output, StringComparison.Ordinal);

        var (_, count, _) = StoreProcess.Run([path, "--mode", "csv", "-c", "SELECT count(*) FROM passages WHERE emb IS NOT NULL"]);
        Assert.Equal("count(*)\n214\n", count.ReplaceLineEndings("\n"));
    }
}
