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
