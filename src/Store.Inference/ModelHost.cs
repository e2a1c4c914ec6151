using System.Collections.Concurrent;
using Store.Core.Errors;
using Store.Inference.Encoders;
using Store.Inference.Models;
using Store.Inference.Reranking;

namespace Store.Inference;

/// <summary>
/// The models of this process on one device, loaded on first use and kept: a model is tens
/// of megabytes and its session takes a second to open, so every database and connection
/// shares them. Notices (such as falling back to the CPU) go to <see cref="Notices"/>, once.
/// </summary>
public sealed class ModelHost
{
    private static readonly ConcurrentDictionary<InferenceDevice, ModelHost> ByDevice = new();

    private readonly Dictionary<string, DenseEncoder> _encoders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ITextReranker> _rerankers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _noticed = [];

    private ModelHost(InferenceDevice device) => Device = device;

    /// <summary>Where one-line notices go; standard error unless a host program says otherwise.</summary>
    public static Action<string> Notices { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary>The name <c>embed</c> and friends use when a statement names no model.</summary>
    public static string DefaultModel => BuiltInModel.Arctic.Name;

    public InferenceDevice Device { get; }

    public static ModelHost For(InferenceDevice device) => ByDevice.GetOrAdd(device, static d => new ModelHost(d));

    /// <summary>The dense encoder named <paramref name="name"/>, loading it on first use.</summary>
    public DenseEncoder Dense(string name)
    {
        lock (_gate)
        {
            if (!_encoders.TryGetValue(name, out var encoder))
            {
                var model = BuiltInModel.Find(name) ?? throw StoreErrors.NotFound("model", name);
                encoder = DenseEncoder.Open(model, Device, Notice);
                _encoders[name] = encoder;
            }

            return encoder;
        }
    }

    /// <summary>
    /// The reranker named <paramref name="name"/>: <c>model.cosine</c> (exact cosine re-scoring
    /// with the dense model), <c>model.maxsim</c> (late interaction over its token vectors), or
    /// plain <c>model</c>, the default: cosine, which measured best on the collections in
    /// bench/RESULTS.md ("Retrieval quality").
    /// </summary>
    public ITextReranker Reranker(string name)
    {
        lock (_gate)
        {
            if (_rerankers.TryGetValue(name, out var reranker))
            {
                return reranker;
            }
        }

        var dot = name.LastIndexOf('.');
        var (model, method) = dot < 0 ? (name, "cosine") : (name[..dot], name[(dot + 1)..].ToLowerInvariant());
        var encoder = Dense(model);
        ITextReranker created = method switch
        {
            "cosine" => new CosineReranker(encoder),
            "maxsim" => new MaxSimReranker(encoder),
            _ => throw StoreErrors.NotFound("reranker", name),
        };
        lock (_gate)
        {
            return _rerankers.TryAdd(name, created) ? created : _rerankers[name];
        }
    }

    private void Notice(string message)
    {
        lock (_noticed)
        {
            if (_noticed.Add(message))
            {
                Notices(message);
            }
        }
    }
}
