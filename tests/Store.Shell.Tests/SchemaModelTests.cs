using Store.Core.Options;
using Store.Inference;
using Store.Inference.Models;

namespace Store.Shell.Tests;

public class SchemaModelTests
{
    [Fact]
    public void Schema_prints_create_model_statements_that_rebuild_the_registered_models()
    {
        var (model, vocab) = ModelHost.BuiltInFiles.Locate(BuiltInModel.MiniLm);
        var (output, error) = (new StringWriter(), new StringWriter());
        using (var shell = new ShellContext(Engine.Database.MemoryPath, readOnly: false, output, error, InferenceDevice.Cpu))
        {
            Assert.True(shell.RunStatement($"CREATE MODEL mine FROM '{model}' WITH (vocab = '{vocab}', query_prefix = 'query: ')"));
            Assert.True(shell.RunDotCommand(".schema"));
        }

        var statement = output.ToString().ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("CREATE MODEL", StringComparison.Ordinal));
        Assert.Equal($"CREATE MODEL mine FROM '{model}' WITH (query_prefix = 'query: ', vocab = '{vocab}');", statement);

        using var again = new ShellContext(Engine.Database.MemoryPath, readOnly: false, new StringWriter(), error, InferenceDevice.Cpu);
        Assert.True(again.RunStatement(statement));
        Assert.Equal("", error.ToString());
    }
}
