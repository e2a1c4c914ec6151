namespace Store.Sql.Syntax;

/// <summary><c>BEGIN</c>, <c>COMMIT</c> or <c>ROLLBACK</c> (each with an optional TRANSACTION).</summary>
internal sealed record TransactionStatement(TransactionAction Action, int Line, int Column) : Statement(Line, Column);
