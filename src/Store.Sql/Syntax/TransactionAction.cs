namespace Store.Sql.Syntax;

/// <summary>What a transaction statement does.</summary>
internal enum TransactionAction
{
    Begin,
    Commit,
    Rollback,
}
