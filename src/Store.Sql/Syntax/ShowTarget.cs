namespace Store.Sql.Syntax;

/// <summary>What a SHOW statement lists.</summary>
internal enum ShowTarget
{
    Tables,
    Indexes,
    Models,
}
