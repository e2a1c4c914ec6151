using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Store.Core.Values;
using Store.Engine;

namespace Store.Shell.Output;

/// <summary>Prints a statement's result in the chosen mode.</summary>
internal static class ResultPrinter
{
    public static void Print(QueryResult result, OutputMode mode, TextWriter output, int? width)
    {
        if (result.Columns.Count == 0)
        {
            if (result.RowsAffected >= 0 && mode is OutputMode.Table or OutputMode.Line)
            {
                output.WriteLine($"({result.RowsAffected} row{(result.RowsAffected == 1 ? "" : "s")} changed)");
            }

            return;
        }

        var names = result.Columns.Select(c => c.Name).ToList();
        var rows = new List<DbValue[]>();
        while (result.Read())
        {
            rows.Add(result.Current.ToArray());
        }

        switch (mode)
        {
            case OutputMode.Csv:
                PrintCsv(names, rows, output);
                break;
            case OutputMode.Json:
                PrintJson(names, rows, output);
                break;
            case OutputMode.Line:
                PrintLines(names, rows, output);
                break;
            default:
                TablePrinter.Print(names, rows, output, width);
                break;
        }
    }

    /// <summary>RFC 4180: a header line, then fields quoted when they hold a comma, quote or line break; NULL is an empty field.</summary>
    private static void PrintCsv(List<string> names, List<DbValue[]> rows, TextWriter output)
    {
        output.Write(string.Join(",", names.Select(Quote)) + "\r\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(",", row.Select(v => v.IsNull ? "" : Quote(ValueText.Format(v)))) + "\r\n");
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void PrintJson(List<string> names, List<DbValue[]> rows, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < names.Count; i++)
                {
                    json.WritePropertyName(names[i]);
                    WriteJson(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJson(Utf8JsonWriter json, DbValue value)
    {
        switch (value.Kind)
        {
            case DbValueKind.Null:
                json.WriteNullValue();
                break;
            case DbValueKind.Integer:
                json.WriteNumberValue(value.AsInteger);
                break;
            case DbValueKind.Real when double.IsFinite(value.AsReal):
                json.WriteNumberValue(value.AsReal);
                break;
            case DbValueKind.Vector:
                json.WriteStartArray();
                foreach (var x in value.AsVector)
                {
                    json.WriteNumberValue(x);
                }

                json.WriteEndArray();
                break;
            case DbValueKind.Sparse:
                json.WriteStartObject();
                var sparse = value.AsSparse;
                for (var i = 0; i < sparse.Count; i++)
                {
                    json.WriteNumber(sparse.Indices[i].ToString(System.Globalization.CultureInfo.InvariantCulture), sparse.Weights[i]);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteStringValue(ValueText.Format(value));
                break;
        }
    }

    private static void PrintLines(List<string> names, List<DbValue[]> rows, TextWriter output)
    {
        var pad = names.Max(n => n.Length);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                output.WriteLine();
            }

            for (var i = 0; i < names.Count; i++)
            {
                output.WriteLine($"{names[i].PadLeft(pad)} = {ValueText.Format(rows[r][i])}");
            }
        }
    }
}
