namespace Store.Inference.Models;

/// <summary>What a model computes, the <c>kind</c> option of CREATE MODEL.</summary>
public enum ModelKind
{
    /// <summary>One vector per text (<c>dense</c>): embed() and embed_query(); rerank() re-scores by cosine.</summary>
    Dense,

    /// <summary>A sparse vector over the vocabulary (<c>sparse</c>, SPLADE): sparse_embed().</summary>
    Sparse,

    /// <summary>A relevance score for a (query, text) pair read together (<c>cross_encoder</c>): rerank().</summary>
    CrossEncoder,

    /// <summary>One vector per token (<c>late_interaction</c>, ColBERT): rerank() scores by MaxSim.</summary>
    LateInteraction,
}

/// <summary>The names CREATE MODEL spells the kinds with.</summary>
public static class ModelKinds
{
    private static readonly (string Name, ModelKind Kind)[] Names =
        [("dense", ModelKind.Dense), ("sparse", ModelKind.Sparse), ("cross_encoder", ModelKind.CrossEncoder), ("late_interaction", ModelKind.LateInteraction)];

    public static string NameOf(ModelKind kind) => Names.First(n => n.Kind == kind).Name;

    public static ModelKind? Parse(string name) =>
        Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.Kind : null;

    public static string All => string.Join(", ", Names.Select(n => n.Name));
}
