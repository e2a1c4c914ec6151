namespace Store.Sql.Syntax;

/// <summary>What a DROP statement removes.</summary>
internal enum DropTarget
{
    Table,
    Index,
    Model,
}
