using Store.Core.Options;

namespace Store.Shell.Tests;

public class ProgressTests
{
    [Fact]
    public void A_statement_that_embeds_rows_shows_its_count_on_standard_error_and_clears_it()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        using var shell = new ShellContext(Engine.Database.MemoryPath, readOnly: false, output, error) { ShowProgress = true };
        Assert.True(shell.RunStatement("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384))"));
        Assert.True(shell.RunStatement("INSERT INTO t (id, body) VALUES " + string.Join(", ", Enumerable.Range(1, 70).Select(i => $"({i}, 'passage number {i}')"))));
        Assert.Equal("", error.ToString());

        Assert.True(shell.RunStatement("UPDATE t SET emb = embed('minilm', body)"));
        var shown = error.ToString();
        Assert.Contains("\rembedding: 64 rows", shown, StringComparison.Ordinal);
        Assert.Contains("\rembedding: 70 rows", shown, StringComparison.Ordinal);
        Assert.EndsWith("\r", shown, StringComparison.Ordinal);
        Assert.Contains("70", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_cut_at_the_model_s_maximum_length_are_reported_after_the_statement()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        using var shell = new ShellContext(Engine.Database.MemoryPath, readOnly: false, output, error, InferenceDevice.Cpu);
        var longText = string.Join(' ', Enumerable.Repeat("retrieval", 300));
        Assert.True(shell.RunStatement($"SELECT vector_dims(embed('minilm', '{longText}')) AS dims, vector_dims(embed('minilm', 'short')) AS short"));
        Assert.Contains("384", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("warning: 1 text was longer than the model's maximum length and cut to it\n", error.ToString().ReplaceLineEndings("\n"));
    }
}
