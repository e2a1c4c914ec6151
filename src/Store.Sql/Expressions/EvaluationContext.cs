using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Inference;
using Store.Inference.Encoders;
using Store.Inference.Models;
using Store.Inference.Reranking;

namespace Store.Sql.Expressions;

/// <summary>
/// What expressions read besides the row: the statement's parameter values, by slot; the
/// models that <c>embed</c> and friends run (built in, or registered in the catalog with
/// CREATE MODEL); and the results of model calls already run in a batch for the rows about to
/// be evaluated (see <see cref="Execution.ModelBatches"/>).
/// </summary>
internal sealed class EvaluationContext(DbValue[] parameters, ModelHost? models = null, Action<long>? modelProgress = null, Action<string>? notices = null)
{
    // Made on first use: every statement has a context, few run models.
    private Dictionary<string, ModelDefinition>? _definitions;
    private Dictionary<(string Name, Type Use), object>? _models;
    private Dictionary<(ModelCallNode Call, string? Query, string Text), DbValue>? _prefetched;
    private Dictionary<object, object>? _once;
    private long _modelRows;

    public DbValue[] Parameters { get; } = parameters;

    public ModelHost Models => models ?? throw StoreErrors.NotSupported("model functions in this statement");

    /// <summary>Where the models this statement loads give their one-line notices (null: standard error).</summary>
    public Action<string>? Notices => notices;

    /// <summary>The catalog the statement runs against, where CREATE MODEL's models are found; set by the query context.</summary>
    public SystemCatalog? Catalog { get; set; }

    /// <summary>The dense encoder a statement names: a model of the catalog, else a built-in one.</summary>
    public DenseEncoder Encoder(string name) => Model(name, () => Models.Dense(Definition(name), notices));

    /// <summary>The reranker a statement names: <c>model</c> or <c>model.method</c> (see <see cref="ModelHost.SplitRerankerName"/>).</summary>
    public ITextReranker Reranker(string name) => Model(name, () =>
    {
        var (model, method) = ModelHost.SplitRerankerName(name);
        return Models.Reranker(Definition(model), method, notices);
    });

    /// <summary>Texts this statement's model calls cut at their model's maximum length.</summary>
    public int TruncatedInputs { get; private set; }

    /// <summary>Document embeddings through <see cref="Encoder"/>, counting the texts cut.</summary>
    public float[][] EncodeDocuments(string model, IReadOnlyList<string> texts) =>
        Encoder(model).EncodeDocuments(texts, cut: () => TruncatedInputs++);

    /// <summary>Scores of texts against a query through <see cref="Reranker"/>, counting the texts cut.</summary>
    public double[] Rerank(string reranker, string query, IReadOnlyList<string> texts) =>
        Reranker(reranker).Score(query, texts, cut: () => TruncatedInputs++);

    /// <summary>Sparse vectors through the sparse model a statement names, counting the texts cut.</summary>
    public SparseVector[] EncodeSparse(string model, IReadOnlyList<string> texts) =>
        Model(model, () => Models.Sparse(Definition(model), notices)).Encode(texts, cut: () => TruncatedInputs++);

    /// <summary>
    /// What an expression works out once per statement rather than once per row (a full-text
    /// query's weighed terms, read from its index in this statement's transaction), by a key it chooses.
    /// </summary>
    public T Once<T>(object key, Func<T> make)
        where T : class
    {
        _once ??= [];
        if (!_once.TryGetValue(key, out var value))
        {
            value = make();
            _once[key] = value;
        }

        return (T)value;
    }

    /// <summary>Rows whose model calls ran in a batch so far.</summary>
    public long ModelRows => _modelRows;

    /// <summary>Counts rows whose model calls ran in a batch, and tells the statement's progress listener the total so far.</summary>
    public void ModelRowsDone(int rows)
    {
        _modelRows += rows;
        modelProgress?.Invoke(_modelRows);
    }

    /// <summary>Results computed ahead by batch, by call, query (rerank only) and text.</summary>
    public Dictionary<(ModelCallNode Call, string? Query, string Text), DbValue> Prefetched => _prefetched ??= [];

    /// <summary>A model the statement has used before, by name and use, without asking the process-wide host again: a per-row call finds it here.</summary>
    private T Model<T>(string name, Func<T> load)
        where T : class
    {
        _models ??= [];
        if (!_models.TryGetValue((name, typeof(T)), out var model))
        {
            model = load();
            _models[(name, typeof(T))] = model;
        }

        return (T)model;
    }

    /// <summary>The model a statement names: one registered in the catalog with CREATE MODEL, else a built-in one.</summary>
    public ModelDefinition Definition(string name)
    {
        _definitions ??= new(StringComparer.OrdinalIgnoreCase);
        if (!_definitions.TryGetValue(name, out var definition))
        {
            definition = Catalog?.FindModel(name) is { } registered
                ? ModelDefinition.FromOptions(registered.Name, registered.Path, registered.Options)
                : ModelHost.BuiltIn(name);
            _definitions[name] = definition;
        }

        return definition;
    }
}
