using System.Collections.Concurrent;
using Store.Core.Errors;
using Store.Core.Options;
using Store.Inference.Encoders;
using Store.Inference.Models;
using Store.Inference.Reranking;

namespace Store.Inference;

/// <summary>
/// The models of this process on one device, loaded on first use and kept: a model is tens
/// of megabytes and its session takes a second to open, so every database and connection
/// shares them. This is the second and last process-wide registry in Store, beside the
/// engine's registry of open files (<c>DatabaseRegistry</c>): one host per device, made on
/// first use and kept for the process. A notice (such as falling back to the CPU) is given
/// once, to the sink of the call that loaded the model (the connection's, from its options),
/// or to standard error when the call names none.
/// </summary>
public sealed class ModelHost
{
    private static readonly ConcurrentDictionary<InferenceDevice, ModelHost> ByDevice = new();

    private readonly Dictionary<string, object> _loaded = [];
    private readonly Dictionary<(DenseEncoder Encoder, string Method), ITextReranker> _rerankers = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _noticed = [];

    private ModelHost(InferenceDevice device) => Device = device;

    /// <summary>The program's built-in model files: packages beside it under models/, the cache as configured; extracted and checked once per process.</summary>
    public static BuiltInModelFiles BuiltInFiles { get; } = new(BuiltInModelFiles.DefaultCacheDirectory, Path.Combine(AppContext.BaseDirectory, "models"));

    /// <summary>The name <c>embed</c> and friends use when a statement names no model.</summary>
    public static string DefaultModel => BuiltInModel.Arctic.Name;

    public InferenceDevice Device { get; }

    public static ModelHost For(InferenceDevice device) => ByDevice.GetOrAdd(device, static d => new ModelHost(d));

    /// <summary>The definition of the built-in model named <paramref name="name"/>, its files extracted on first use; a typed error when there is none.</summary>
    public static ModelDefinition BuiltIn(string name)
    {
        var model = BuiltInModel.Find(name) ?? throw StoreErrors.NotFound("model", name);
        var (modelPath, vocabPath) = BuiltInFiles.Locate(model);
        return new ModelDefinition(model.Name, modelPath, vocabPath, model.Settings);
    }

    /// <summary>The built-in dense encoder named <paramref name="name"/>, loading it on first use.</summary>
    public DenseEncoder Dense(string name) => Dense(BuiltIn(name));

    /// <summary>The dense encoder a definition describes, loading it on first use; one per distinct definition.</summary>
    public DenseEncoder Dense(ModelDefinition definition, Action<string>? notices = null) =>
        Loaded(Of(definition, ModelKind.Dense, "embed() and embed_query()"), DenseEncoder.Open, notices);

    /// <summary>The sparse encoder a definition describes, loading it on first use.</summary>
    public SparseEncoder Sparse(ModelDefinition definition, Action<string>? notices = null) =>
        Loaded(Of(definition, ModelKind.Sparse, "sparse_embed()"), SparseEncoder.Open, notices);

    /// <summary>Loads the model a definition describes, as its kind runs it: what CREATE MODEL does to check a model before registering it.</summary>
    public void Load(ModelDefinition definition, Action<string>? notices = null)
    {
        switch (definition.Kind)
        {
            case ModelKind.Sparse:
                Sparse(definition, notices);
                break;
            case ModelKind.CrossEncoder:
                Loaded(definition, CrossEncoderReranker.Open, notices);
                break;
            default:
                Loaded(definition, DenseEncoder.Open, notices);
                break;
        }
    }

    /// <summary>
    /// The reranker <c>rerank()</c> names: a cross-encoder model scores pairs itself; a
    /// late-interaction model scores by MaxSim over its token vectors; over a dense model,
    /// <paramref name="method"/> chooses <c>cosine</c> (exact cosine re-scoring, the default),
    /// <c>maxsim</c> (late interaction over its token vectors) or <c>listwise</c> (the query
    /// enriched with the first candidates, as E2Rank does).
    /// </summary>
    public ITextReranker Reranker(ModelDefinition definition, string? method = null, Action<string>? notices = null)
    {
        if (definition.Kind is ModelKind.CrossEncoder or ModelKind.LateInteraction)
        {
            if (method is not null)
            {
                throw StoreErrors.InvalidArgument($"model '{definition.Name}' is a {ModelKinds.NameOf(definition.Kind)} model: rerank() takes it by name alone, not '{definition.Name}.{method}'");
            }

            return definition.Kind == ModelKind.CrossEncoder
                ? Loaded(definition, CrossEncoderReranker.Open, notices)
                : Reranker(Loaded(definition, DenseEncoder.Open, notices), "maxsim");
        }

        if (definition.Kind != ModelKind.Dense)
        {
            throw StoreErrors.InvalidArgument($"model '{definition.Name}' is a {ModelKinds.NameOf(definition.Kind)} model; rerank() needs a cross_encoder, late_interaction or dense model");
        }

        return Reranker(Dense(definition, notices), method ?? DefaultRerankMethod);
    }

    /// <summary>
    /// A reranker name's model and method: <c>model.method</c>, or plain <c>model</c> (method
    /// null: the model's own scoring, which for a dense model is <see cref="DefaultRerankMethod"/>).
    /// </summary>
    public static (string Model, string? Method) SplitRerankerName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? (name, null) : (name[..dot], name[(dot + 1)..]);
    }

    /// <summary>How rerank() re-scores with a dense model by default: cosine, which measured best on the collections in bench/RESULTS.md ("Retrieval quality").</summary>
    public const string DefaultRerankMethod = "cosine";

    private ITextReranker Reranker(DenseEncoder encoder, string method)
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

    /// <summary>The definition, when it is of the kind a function needs; else a typed error saying which kind it is.</summary>
    private static ModelDefinition Of(ModelDefinition definition, ModelKind kind, string function) =>
        definition.Kind == kind
            ? definition
            : throw StoreErrors.InvalidArgument($"{function} cannot run model '{definition.Name}': it is a {ModelKinds.NameOf(definition.Kind)} model, not a {ModelKinds.NameOf(kind)} one");

    private T Loaded<T>(ModelDefinition definition, Func<ModelDefinition, InferenceDevice, Action<string>, T> open, Action<string>? notices)
        where T : class
    {
        // One loaded model per distinct definition and use: a late-interaction model is opened as a token encoder, a cross-encoder as a reranker.
        var key = $"{typeof(T).Name}:{definition}";
        lock (_gate)
        {
            if (!_loaded.TryGetValue(key, out var model))
            {
                model = open(definition, Device, message => Notice(message, notices ?? Console.Error.WriteLine));
                _loaded[key] = model;
            }

            return (T)model;
        }
    }

    private void Notice(string message, Action<string> notices)
    {
        lock (_noticed)
        {
            if (_noticed.Add(message))
            {
                notices(message);
            }
        }
    }
}
