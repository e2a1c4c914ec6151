namespace Store.Access.Indexing;

/// <summary>
/// An index's <c>WITH (...)</c> options as its method read and checked them, one record type per
/// method (<see cref="Vectors.Hnsw.HnswParameters"/>, <see cref="Vectors.Ivf.IvfParameters"/>).
/// </summary>
internal abstract record IndexParameters;
