using Store.Testing;

namespace Store.Shell.Tests;

public class CommandLineTests
{
    [Fact]
    public void Failing_statement_exits_with_1_and_prints_code_and_caret()
    {
        var (exitCode, output, error) = StoreProcess.Run(["-c", "SELECT 1 AS one", "-c", "SELECT\n  nope", "-c", "SELECT 2 AS never"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("one", output, StringComparison.Ordinal);
        Assert.DoesNotContain("never", output, StringComparison.Ordinal);
        Assert.Contains("error 42703", error, StringComparison.Ordinal);
        Assert.Contains("  nope\n  ^", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_mode_prints_header_and_rfc4180_rows()
    {
        var (exitCode, output, _) = StoreProcess.Run(["--mode", "csv", "-c", "SELECT 1 AS n, 'a,b' AS t, 'say \"hi\"' AS q, NULL AS z"]);
        Assert.Equal(0, exitCode);
        Assert.Equal("n,t,q,z\n1,\"a,b\",\"say \"\"hi\"\"\",\n", output);
    }

    [Fact]
    public void Json_and_line_modes()
    {
        var json = StoreProcess.Run(["--mode", "json", "-c", "SELECT 1 AS n, 'x' AS t"]).Output;
        Assert.Contains("\"n\": 1", json, StringComparison.Ordinal);
        var line = StoreProcess.Run(["--mode", "line", "-c", "SELECT 1 AS n, 'x' AS text"]).Output;
        Assert.Equal("   n = 1\ntext = x\n", line);
    }

    [Fact]
    public void Piped_input_runs_as_a_script_with_dot_commands()
    {
        var (exitCode, output, _) = StoreProcess.Run([], "CREATE TABLE t (n INTEGER);\nINSERT INTO t VALUES (1),\n (2);\n.mode csv\nSELECT n FROM t ORDER BY n;\n");
        Assert.Equal(0, exitCode);
        Assert.EndsWith("n\n1\n2\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_database_keeps_its_rows_between_runs()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "cli.db");
        Assert.Equal(0, StoreProcess.Run([path, "-c", "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (42)"]).ExitCode);
        var (exitCode, output, _) = StoreProcess.Run([path, "--mode", "csv", "-c", "SELECT n FROM t"]);
        Assert.Equal(0, exitCode);
        Assert.Equal("n\n42\n", output);
    }

    [Fact]
    public void Missing_file_and_bad_arguments_fail()
    {
        Assert.Equal(1, StoreProcess.Run(["-f", "/no/such/file.sql"]).ExitCode);
        Assert.Equal(2, StoreProcess.Run(["--mode", "xml"]).ExitCode);
        var device = StoreProcess.Run(["--device", "tpu"]);
        Assert.Equal(2, device.ExitCode);
        Assert.Contains("unknown device 'tpu'", device.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_loads_csv_and_json_lines_creating_tables()
    {
        using var directory = new TempDirectory();
        var csv = Path.Combine(directory.Path, "people.csv");
        File.WriteAllText(csv, "id,name,score\n1,\"Smith, Ann\",2.5\n2,Bob,\n3,\"multi\nline\",4\n");
        var jsonl = Path.Combine(directory.Path, "docs.jsonl");
        File.WriteAllText(jsonl, "{\"id\": 1, \"title\": \"a\", \"emb\": [1, 0]}\n{\"id\": 2, \"title\": \"b\", \"emb\": [0, 1]}\n");
        var script = $".import {csv} people\n.import {jsonl} docs\n.mode csv\nSELECT name, score FROM people ORDER BY id;\nSELECT title FROM docs ORDER BY emb <-> '[0.1, 0.9]' LIMIT 1;\n.schema people\n";

        var (exitCode, output, error) = StoreProcess.Run([], script);

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.Contains("imported 3 rows into people", output, StringComparison.Ordinal);
        Assert.Contains("name,score\n\"Smith, Ann\",2.5\nBob,\n\"multi\nline\",4.0\n", output, StringComparison.Ordinal);
        Assert.Contains("title\nb\n", output, StringComparison.Ordinal);
        Assert.Contains("  id INTEGER,\n  name TEXT,\n  score REAL", output, StringComparison.Ordinal);
    }
}
