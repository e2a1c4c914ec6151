using Store.Access.Encoding;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.Catalog;

/// <summary>
/// One row of the system catalog, stored with the row codec as
/// [kind, name, table, root page, definition...] where kind is "table", "index" or "model" and
/// the definition is, for a table, (column name, type name, flags) per column (flags: 1 NOT
/// NULL, 2 rowid alias); for an index, (unique, column names...) followed, for any method but
/// a B+tree, by NULL, the method name and its options as (name, value) pairs; and for a model
/// (whose table is empty and root 0), its file's path and its options as (name, value) pairs.
/// </summary>
internal sealed record CatalogEntry(string Kind, string Name, string Table, uint Root, IReadOnlyList<DbValue> Definition)
{
    public const string TableKind = "table";
    public const string IndexKind = "index";
    public const string ModelKind = "model";

    private const int NotNullFlag = 1;
    private const int RowIdAliasFlag = 2;

    /// <summary>Catalog key: names are case-insensitive and share one namespace.</summary>
    public static byte[] KeyFor(string name) => KeyCodec.Prefix([DbValue.FromText(Normalize(name))]);

    /// <summary>Whether two names denote the same catalog object, by the rule the catalog keys use.</summary>
    public static bool SameName(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    public static string Normalize(string name) => name.ToLowerInvariant();

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

    public static CatalogEntry ForIndex(IndexSchema schema, uint root)
    {
        List<DbValue> definition = [DbValue.FromInteger(schema.Unique ? 1 : 0), .. schema.Columns.Select(DbValue.FromText)];
        if (!schema.IsBTree)
        {
            definition.Add(DbValue.Null);
            definition.Add(DbValue.FromText(schema.Method));
            foreach (var (name, value) in schema.OptionList)
            {
                definition.Add(DbValue.FromText(name));
                definition.Add(DbValue.FromText(value));
            }
        }

        return new CatalogEntry(IndexKind, schema.Name, schema.Table, root, definition);
    }

    public static CatalogEntry ForModel(ModelSchema schema) =>
        new(ModelKind, schema.Name, "", 0, [DbValue.FromText(schema.Path), .. schema.Options.SelectMany(o => new[] { DbValue.FromText(o.Key), DbValue.FromText(o.Value) })]);

    public ModelSchema ToModelSchema() =>
        new(Name, Definition[0].AsText, Definition.Skip(1).Chunk(2).Where(p => p.Length == 2).Select(p => new KeyValuePair<string, string>(p[0].AsText, p[1].AsText)).ToList());

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

    public IndexSchema ToIndexSchema()
    {
        var columns = Definition.Skip(1).TakeWhile(v => !v.IsNull).Select(v => v.AsText).ToList();
        var rest = Definition.Skip(1 + columns.Count + 1).ToList();
        if (rest.Count == 0)
        {
            return new IndexSchema(Name, Table, columns, Definition[0].AsInteger != 0);
        }

        var options = new List<KeyValuePair<string, string>>();
        for (var i = 1; i + 1 < rest.Count; i += 2)
        {
            options.Add(new(rest[i].AsText, rest[i + 1].AsText));
        }

        return new IndexSchema(Name, Table, columns, Definition[0].AsInteger != 0, rest[0].AsText, options);
    }
}
