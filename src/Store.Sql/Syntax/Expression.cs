namespace Store.Sql.Syntax;

/// <summary>
/// A node of an expression in the immutable syntax tree. <see cref="Line"/> and
/// <see cref="Column"/> locate its first token, so later stages can point at it in errors.
/// </summary>
internal abstract record Expression(int Line, int Column);
