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
    private readonly Dictionary<(DenseEncoder Encoder, string Method), ITextReranker> _rerankers = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _noticed = [];

    private ModelHost(InferenceDevice device) => Device = device;

    /// <summary>Where one-line notices go; standard error unless a host program says otherwise.</summary>
    public static Action<string> Notices { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary>The name <c>embed</c> and friends use when a statement names no model.</summary>
    public static string DefaultModel => BuiltInModel.Arctic.Name;

    public InferenceDevice Device { get; }

    public static ModelHost For(InferenceDevice device) => ByDevice.GetOrAdd(device, static d => new ModelHost(d));

    /// <summary>The built-in dense encoder named <paramref name="name"/>, loading it on first use.</summary>
    public DenseEncoder Dense(string name)
    {
        var model = BuiltInModel.Find(name) ?? throw StoreErrors.NotFound("model", name);
        return Loaded(model.Name, () =>
        {
            var (modelPath, vocabPath) = BuiltInModelFiles.Default.Locate(model);
            return new ModelDefinition(model.Name, modelPath, vocabPath, model.Settings);
        });
    }

    /// <summary>The dense encoder a definition (CREATE MODEL) describes, loading it on first use; one per distinct definition.</summary>
    public DenseEncoder Dense(ModelDefinition definition) => Loaded(definition.ToString(), () => definition);

    /// <summary>
    /// A reranker over <paramref name="encoder"/>: <c>cosine</c> (exact cosine re-scoring with
    /// the dense model), <c>maxsim</c> (late interaction over its token vectors) or
    /// <c>listwise</c> (the query enriched with the first candidates, as E2Rank does).
    /// </summary>
    public ITextReranker Reranker(DenseEncoder encoder, string method)
    {
        ITextReranker created = method.ToLowerInvariant() switch
        {
            "cosine" => new CosineReranker(encoder),
            "maxsim" => new MaxSimReranker(encoder),
            "listwise" => new ListwiseReranker(encoder),
            _ => throw StoreErrors.NotFound("reranker", $"{encoder.Name}.{method}"),
        };
        lock (_gate)
        {
            var key = (encoder, method.ToLowerInvariant());
            return _rerankers.TryAdd(key, created) ? created : _rerankers[key];
        }
    }

    /// <summary>
    /// A reranker name's model and method: <c>model.method</c>, or plain <c>model</c> for the
    /// default, cosine, which measured best on the collections in bench/RESULTS.md ("Retrieval quality").
    /// </summary>
    public static (string Model, string Method) SplitRerankerName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? (name, "cosine") : (name[..dot], name[(dot + 1)..]);
    }

    private DenseEncoder Loaded(string key, Func<ModelDefinition> definition)
    {
        lock (_gate)
        {
            if (!_encoders.TryGetValue(key, out var encoder))
            {
                encoder = DenseEncoder.Open(definition(), Device, Notice);
                _encoders[key] = encoder;
            }

            return encoder;
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
