namespace Store.Sql.Syntax;

/// <summary>A SQL statement in the immutable syntax tree, located by its first token.</summary>
internal abstract record Statement(int Line, int Column);
