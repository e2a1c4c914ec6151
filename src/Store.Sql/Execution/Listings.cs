using Store.Access.Indexing;
using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Syntax;

namespace Store.Sql.Execution;

/// <summary>
/// The listings that read the catalog rather than tables: SHOW (SHOW INDEXES with each index's
/// search settings as this session has them), DESCRIBE and PRAGMA integrity_check.
/// </summary>
internal sealed class Listings(QueryContext query, BindingContext context)
{
    public StatementResult Show(ShowTarget target) => target switch
    {
        ShowTarget.Tables => StatementResult.Listing(["name", "columns"],
            query.Catalog.Tables().OrderBy(t => t.Schema.Name, StringComparer.OrdinalIgnoreCase)
                .Select(t => new[] { DbValue.FromText(t.Schema.Name), DbValue.FromInteger(t.Schema.Columns.Count) }).ToList()),
        ShowTarget.Indexes => StatementResult.Listing(["name", "table", "method", "columns", "unique", "options", "search"],
            query.Catalog.Indexes().OrderBy(i => i.Schema.Name, StringComparer.OrdinalIgnoreCase)
                .Select(i => new[]
                {
                    DbValue.FromText(i.Schema.Name), DbValue.FromText(i.Schema.Table), DbValue.FromText(i.Schema.Method),
                    DbValue.FromText(string.Join(", ", i.Schema.Columns)), DbValue.FromInteger(i.Schema.Unique ? 1 : 0),
                    DbValue.FromText(string.Join(", ", i.Schema.OptionList.Select(o => $"{o.Key} = {o.Value}"))),
                    DbValue.FromText(string.Join(", ", (i.Schema.IsBTree ? [] : IndexMethods.Find(i.Schema.Method)?.Settings ?? []).Select(s => $"{s.Name} = {query.Setting(s)}"))),
                }).ToList()),
        _ => StatementResult.Listing(["name", "kind", "dimensions", "pooling", "query_prefix", "max_tokens", "source", "options"],
            Inference.Models.BuiltInModel.All.Select(m => ModelRow(m.Name, Inference.Models.ModelKind.Dense, DbValue.FromInteger(m.Dimensions), m.Settings, $"built in ({Path.GetFileNameWithoutExtension(m.Assembly)})", ""))
                .Concat(query.Catalog.Models().Select(m =>
                {
                    // Only a dense model's vector has one size to show; finding it loads the model.
                    var definition = query.Evaluation.Definition(m.Name);
                    var dimensions = definition.Kind == Inference.Models.ModelKind.Dense ? DbValue.FromInteger(query.Evaluation.Encoder(m.Name).Dimensions) : DbValue.Null;
                    return ModelRow(m.Name, definition.Kind, dimensions, definition.Settings, m.Path, string.Join(", ", m.Options.Select(o => $"{o.Key} = '{o.Value.Replace("'", "''", StringComparison.Ordinal)}'")));
                })).ToList()),
    };

    /// <summary>One row of SHOW MODELS; options are as CREATE MODEL takes them (empty for a built-in model).</summary>
    private static DbValue[] ModelRow(string name, Inference.Models.ModelKind kind, DbValue dimensions, Inference.Models.EncoderSettings settings, string source, string options) =>
    [
        DbValue.FromText(name), DbValue.FromText(Inference.Models.ModelKinds.NameOf(kind)), dimensions, DbValue.FromText(settings.Pooling.ToString().ToLowerInvariant()),
        DbValue.FromText(settings.QueryPrefix), DbValue.FromInteger(settings.MaxLength), DbValue.FromText(source), DbValue.FromText(options),
    ];

    public StatementResult Describe(DescribeStatement describe)
    {
        var table = query.Catalog.FindTable(describe.Table) ?? throw context.Error(StoreErrors.NotFound("table", describe.Table), describe.Line, describe.Column);
        var keyed = query.Catalog.IndexesOf(table.Schema.Name).Where(i => i.Schema.Unique && i.Schema.Name.EndsWith("_pkey", StringComparison.Ordinal)).SelectMany(i => i.Schema.Columns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return StatementResult.Listing(["column", "type", "not_null", "primary_key"],
            table.Schema.Columns.Select(c => new[]
            {
                DbValue.FromText(c.Name), DbValue.FromText(c.TypeName), DbValue.FromInteger(c.NotNull || c.IsRowIdAlias ? 1 : 0),
                DbValue.FromInteger(c.IsRowIdAlias || keyed.Contains(c.Name) ? 1 : 0),
            }).ToList());
    }

    public StatementResult Pragma(PragmaStatement pragma)
    {
        if (!string.Equals(pragma.Name, "integrity_check", StringComparison.OrdinalIgnoreCase))
        {
            throw context.Error(StoreErrors.NotSupported($"PRAGMA {pragma.Name} (this version has integrity_check)"), pragma.Line, pragma.Column);
        }

        var report = new IntegrityChecker(query.Transaction, query.State).Run();
        var lines = report.IsOk ? ["ok"] : report.Problems;
        return StatementResult.Listing(["integrity_check"], lines.Select(l => new[] { DbValue.FromText(l) }).ToList());
    }
}
