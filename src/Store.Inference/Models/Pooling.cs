namespace Store.Inference.Models;

/// <summary>How a dense encoder turns its token vectors into one text vector.</summary>
public enum Pooling
{
    /// <summary>The first token's ([CLS]) vector.</summary>
    Cls,

    /// <summary>The mean of the vectors of the real (unpadded) tokens.</summary>
    Mean,
}
