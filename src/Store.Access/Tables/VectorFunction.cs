namespace Store.Access.Tables;

/// <summary>A number computed from a stored vector read in place, such as its distance to a query; NaN leaves the row out.</summary>
internal delegate double VectorFunction(ReadOnlySpan<float> vector);
