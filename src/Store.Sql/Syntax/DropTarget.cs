namespace Store.Sql.Syntax;

/// <summary>What kind of object a DROP statement removes (or, for REINDEX, its name must be).</summary>
internal enum DropTarget
{
    Table,
    Index,
    Model,
}
