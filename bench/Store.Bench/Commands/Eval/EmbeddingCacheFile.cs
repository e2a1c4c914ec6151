using System.Security.Cryptography;
using System.Text;

namespace Store.Bench.Commands.Eval;

/// <summary>
/// Document embeddings by (model, SHA-256 of the text), kept outside git in
/// <c>STORE_BENCH_CACHE</c> (else ~/.cache/store-bench) so that a second run does not
/// re-encode: one append-only file per model of records [32-byte hash][float32 x dimensions].
/// </summary>
internal sealed class EmbeddingCacheFile : IDisposable
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly int _dimensions;

    public EmbeddingCacheFile(string model, int dimensions)
    {
        _dimensions = dimensions;
        var directory = Environment.GetEnvironmentVariable("STORE_BENCH_CACHE") is { Length: > 0 } configured ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "store-bench");
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, $"embeddings-{model}-{dimensions}.bin");
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        var record = new byte[32 + (dimensions * sizeof(float))];
        while (_file.Read(record) == record.Length)
        {
            _vectors[Convert.ToHexString(record, 0, 32)] = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(record.AsSpan(32)).ToArray();
        }

        _file.Position = _file.Length - (_file.Length % record.Length);
    }

    public string Path { get; }

    public bool TryGet(string text, out float[] vector) => _vectors.TryGetValue(KeyOf(text), out vector!);

    public void Add(string text, float[] vector)
    {
        if (vector.Length != _dimensions || !_vectors.TryAdd(KeyOf(text), vector))
        {
            return;
        }

        _file.Write(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        _file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();

    private static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
