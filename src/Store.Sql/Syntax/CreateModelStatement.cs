namespace Store.Sql.Syntax;

/// <summary><c>CREATE MODEL [IF NOT EXISTS] name FROM 'file.onnx' [WITH (key = value, ...)]</c>.</summary>
internal sealed record CreateModelStatement(string Name, string Path, IReadOnlyList<IndexOption> Options, bool IfNotExists, int Line, int Column) : Statement(Line, Column);
