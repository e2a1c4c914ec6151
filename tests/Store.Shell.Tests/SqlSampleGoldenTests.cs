namespace Store.Shell.Tests;

public class SqlSampleGoldenTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(StoreProcess.RepositoryRoot, "sql-samples"), "*.sql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_output_matches_its_expected_file(string sample)
    {
        var directory = Path.Combine(StoreProcess.RepositoryRoot, "sql-samples");
        var expectedFile = Path.Combine(directory, Path.ChangeExtension(sample, ".expected"));
        Assert.True(File.Exists(expectedFile), $"{sample} has no {Path.GetFileName(expectedFile)}");

        // On the CPU, so that no machine prints a notice about its GPU and the vectors are the same everywhere.
        var (exitCode, output, error) = StoreProcess.Run([":memory:", "--echo", "--device", "cpu", "-f", Path.Combine(directory, sample)]);

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(expectedFile).ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public void There_are_several_samples()
    {
        Assert.True(Directory.EnumerateFiles(Path.Combine(StoreProcess.RepositoryRoot, "sql-samples"), "*.sql").Count() >= 3);
    }
}
