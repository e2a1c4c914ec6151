namespace Store.Sql.Syntax;

/// <summary>
/// A column as written in CREATE TABLE: name, type name (upper-cased), the dimension count of
/// <c>VECTOR(n)</c>, and the NOT NULL and PRIMARY KEY constraints.
/// </summary>
internal sealed record ColumnDefinitionSyntax(string Name, string TypeName, int? Dimensions, bool NotNull, bool PrimaryKey, int Line, int Column);
