using System.Globalization;
using Store.Access.Catalog;
using Store.Access.Indexing;
using Store.Access.Tables;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.FullText;

/// <summary>
/// <c>USING bm25 (column, ...) WITH (k1 = 0.9, b = 0.4, language = 'english' | 'none')</c>: a
/// full-text index over one or more TEXT columns, scored as one field (see <see cref="Bm25Document"/>).
/// </summary>
internal sealed class Bm25Method : IndexMethod
{
    private static readonly string[] Known = ["k1", "b", "language"];
    private static readonly QueryShape[] Shapes = [QueryShape.TopByScore, QueryShape.TextMatch];

    public override string Name => "bm25";

    public override SqlType IndexedType => SqlType.Text;

    public override IReadOnlyList<QueryShape> QueryShapes => Shapes;

    public override IndexParameters Parse(IndexSchema index, TableSchema table)
    {
        if (index.Columns.Count == 0)
        {
            throw StoreErrors.InvalidArgument($"a {Name} index needs at least one TEXT column");
        }

        foreach (var column in index.Columns)
        {
            var position = table.ColumnIndex(column);
            if (position < 0)
            {
                throw StoreErrors.NotFound("column", $"{table.Name}.{column}");
            }

            var type = table.Columns[position].Type;
            if (type.Type != IndexedType)
            {
                throw StoreErrors.InvalidArgument($"a {Name} index covers TEXT columns, and {table.Name}.{column} is {type}");
            }
        }

        if (index.Columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw StoreErrors.InvalidArgument($"a {Name} index names column {twice.Key} more than once");
        }

        var k1 = Bm25Parameters.DefaultK1;
        var b = Bm25Parameters.DefaultB;
        var analyzer = TextAnalyzer.English;
        foreach (var (name, value) in index.OptionList)
        {
            switch (name.ToLowerInvariant())
            {
                case "k1":
                    k1 = NumberOption(name, value, 0, 3);
                    break;
                case "b":
                    b = NumberOption(name, value, 0, 1);
                    break;
                case "language":
                    analyzer = TextAnalyzer.For(value);
                    break;
                default:
                    throw StoreErrors.InvalidArgument($"unknown {Name} option '{name}' (known: {string.Join(", ", Known)})");
            }
        }

        return new Bm25Parameters(k1, b, analyzer);
    }

    /// <summary>
    /// Inserts the rows one at a time, as the table reads them a leaf at a time: one row's terms are
    /// objects at any moment, and the postings go straight into the index's pages. Those pages are
    /// held as images by the write transaction until commit (as for any large write), so a build's
    /// memory grows with the index's size in pages, not with posting objects: 20,000 Gutenberg
    /// passages (8.4 MB of text) gave a 40 MB index in 7.3 s (Debug build), peak RSS 158 MB against
    /// 73 MB for loading them. A sorted bulk build of blocked postings is the block-max slice's work.
    /// </summary>
    public override void Build(IndexContext context, Table table)
    {
        var index = Typed(context);
        foreach (var (rowId, values) in table.Scan())
        {
            index.Insert(rowId, values);
        }
    }

    public override IMethodIndex Open(IndexContext context) => Typed(context);

    /// <summary>The index opened with its own type, for searches and statistics.</summary>
    public static Bm25Index Typed(IndexContext context) =>
        new(context.Transaction, context.Index.Root, context.Index.ColumnPositions, (Bm25Parameters)context.Index.Parameters);

    private double NumberOption(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw StoreErrors.InvalidArgument($"{Name} option {name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'");
}
