using Store.Access.Encoding;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Catalog;

/// <summary>
/// One row of the system catalog, stored with the row codec as
/// [kind, name, table, root page, definition...] where kind is "table" or "index" and the
/// definition is, for a table, (column name, type name, flags) per column (flags: 1 NOT NULL,
/// 2 rowid alias) and, for an index, (unique, column names...).
/// </summary>
internal sealed record CatalogEntry(string Kind, string Name, string Table, uint Root, IReadOnlyList<DbValue> Definition)
{
    public const string TableKind = "table";
    public const string IndexKind = "index";

    private const int NotNullFlag = 1;
    private const int RowIdAliasFlag = 2;

    /// <summary>Catalog key: names are case-insensitive and share one namespace.</summary>
    public static byte[] KeyFor(string name) => KeyCodec.Prefix([DbValue.FromText(Normalize(name))]);

    /// <summary>Whether two names denote the same catalog object, by the rule the catalog keys use.</summary>
    public static bool SameName(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string name) => name.ToLowerInvariant();

    public static CatalogEntry ForTable(TableSchema schema, uint root)
    {
        var definition = new List<DbValue>();
        foreach (var column in schema.Columns)
        {
            definition.Add(DbValue.FromText(column.Name));
            definition.Add(DbValue.FromText(column.TypeName));
            definition.Add(DbValue.FromInteger((column.NotNull ? NotNullFlag : 0) | (column.IsRowIdAlias ? RowIdAliasFlag : 0)));
        }

        return new CatalogEntry(TableKind, schema.Name, schema.Name, root, definition);
    }

    public static CatalogEntry ForIndex(IndexSchema schema, uint root) =>
        new(IndexKind, schema.Name, schema.Table, root,
            [DbValue.FromInteger(schema.Unique ? 1 : 0), .. schema.Columns.Select(DbValue.FromText)]);

    public static CatalogEntry Decode(byte[] stored)
    {
        var row = RowCodec.Decode(stored);
        if (row.Length < 4)
        {
            throw StoreErrors.TypeMismatch("catalog entry has fewer than four fields");
        }

        return new CatalogEntry(row[0].AsText, row[1].AsText, row[2].AsText, checked((uint)row[3].AsInteger), row[4..]);
    }

    public byte[] Encode() =>
        RowCodec.Encode([DbValue.FromText(Kind), DbValue.FromText(Name), DbValue.FromText(Table), DbValue.FromInteger(Root), .. Definition]);

    public TableSchema ToTableSchema()
    {
        var columns = new List<ColumnDefinition>();
        for (var i = 0; i + 2 < Definition.Count; i += 3)
        {
            var flags = Definition[i + 2].AsInteger;
            columns.Add(new ColumnDefinition(Definition[i].AsText, Definition[i + 1].AsText, (flags & NotNullFlag) != 0, (flags & RowIdAliasFlag) != 0));
        }

        return new TableSchema(Name, columns);
    }

    public IndexSchema ToIndexSchema() =>
        new(Name, Table, Definition.Skip(1).Select(v => v.AsText).ToList(), Definition[0].AsInteger != 0);
}
