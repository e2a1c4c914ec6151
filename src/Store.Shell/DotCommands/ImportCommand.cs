using System.Text.Json;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Engine;
using Store.Shell.Import;
using Store.Shell.Output;

namespace Store.Shell.DotCommands;

/// <summary>
/// <c>.import FILE TABLE</c>: loads CSV (a header line, then records) or JSON lines (one object
/// per line, for files ending .jsonl or .ndjson) into a table, creating it when missing with
/// types read from the data. Rows go in batches of 1,000 per transaction, with a progress bar
/// on a terminal.
/// </summary>
internal sealed class ImportCommand : IDotCommand
{
    private const int BatchRows = 1000;
    private const int TypeSampleRows = 200;

    /// <summary>The type a field is read as to guess its column's type: as it stands.</summary>
    private static readonly ColumnType Text = new(SqlType.Text);

    public string Name => "import";

    public string Arguments => "FILE TABLE";

    public string Help => "load CSV or JSON lines (.jsonl) into TABLE (created if missing)";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 2)
        {
            shell.Err.WriteLine("error: usage: .import FILE TABLE");
            return false;
        }

        var (file, table) = (arguments[0], arguments[1]);
        if (!File.Exists(file))
        {
            shell.Err.WriteLine($"error: cannot open '{file}'");
            return false;
        }

        using var stream = File.OpenRead(file);
        using var reader = new StreamReader(stream);
        var progress = new ProgressBar(shell.Err, stream.Length, shell.ShowProgress);
        var json = file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        var ownsTransaction = !shell.Session.InTransaction;
        long rows = 0;
        try
        {
            var records = json ? JsonRecords(reader) : CsvRecords(reader);
            using var enumerator = records.GetEnumerator();
            var sample = new List<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>>();
            while (sample.Count < TypeSampleRows && enumerator.MoveNext())
            {
                sample.Add(enumerator.Current);
            }

            var columns = EnsureTable(shell.Session, table, sample, json);
            var insert = shell.Session.Prepare(
                $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})");
            if (ownsTransaction)
            {
                shell.Session.Begin();
            }

            foreach (var record in sample.Concat(Rest(enumerator)))
            {
                var parameters = new StatementParameters();
                foreach (var column in columns)
                {
                    parameters.Add(record.TryGetValue(column.Name, out var value) ? value(column.Type) : DbValue.Null);
                }

                shell.Session.Execute(insert, parameters).Dispose();
                if (++rows % BatchRows == 0 && ownsTransaction)
                {
                    shell.Session.Commit();
                    shell.Session.Begin();
                }

                progress.Report(stream.Position, rows);
            }

            if (ownsTransaction)
            {
                shell.Session.Commit();
            }

            progress.Finish();
            shell.Out.WriteLine($"imported {rows:N0} rows into {table}");
            return true;
        }
        catch (Exception error) when (error is StoreException or JsonException)
        {
            if (ownsTransaction && shell.Session.InTransaction)
            {
                shell.Session.Rollback();
            }

            progress.Finish();
            shell.Err.WriteLine($"error: import stopped at record {rows + 1} of '{file}' ({(rows / BatchRows) * BatchRows:N0} rows kept): {error.Message}");
            return false;
        }
    }

    private static IEnumerable<T> Rest<T>(IEnumerator<T> enumerator)
    {
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current;
        }
    }

    /// <summary>CSV records as name to converter (the converter takes the column type).</summary>
    private static IEnumerable<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>> CsvRecords(TextReader reader)
    {
        var csv = new CsvReader(reader);
        var header = csv.ReadRecord() ?? throw StoreErrors.InvalidArgument("the CSV file is empty (it needs a header line)");
        while (csv.ReadRecord() is { } record)
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Count != header.Count)
            {
                throw StoreErrors.InvalidArgument($"a record has {record.Count} fields but the header names {header.Count}");
            }

            yield return header.Select((name, i) => (name, i)).ToDictionary(
                h => h.name, h => (Func<ColumnType, DbValue>)(type => FieldConverter.FromCsv(record[h.i], type)), StringComparer.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>> JsonRecords(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var element = JsonDocument.Parse(line).RootElement;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw StoreErrors.InvalidArgument("each JSON line must be an object");
            }

            yield return element.EnumerateObject().ToDictionary(
                p => p.Name, p => (Func<ColumnType, DbValue>)(type => FieldConverter.FromJson(p.Value, type)), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The table's columns that the data names; creates the table from the sample when it does not exist.</summary>
    private static List<ImportedColumn> EnsureTable(Session session, string table, List<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>> sample, bool json)
    {
        var names = sample.Count == 0 ? [] : sample[0].Keys.ToList();
        var existing = new List<ImportedColumn>();
        using (var tables = session.Execute("SHOW TABLES"))
        {
            while (tables.Read())
            {
                if (string.Equals(tables[0].AsText, table, StringComparison.OrdinalIgnoreCase))
                {
                    using var describe = session.Execute($"DESCRIBE {Quote(table)}");
                    while (describe.Read())
                    {
                        existing.Add(new ImportedColumn(describe[0].AsText, ColumnType.FromStored(describe[1].AsText)));
                    }
                }
            }
        }

        if (existing.Count > 0)
        {
            var unknown = names.FirstOrDefault(n => !existing.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)));
            return unknown is null
                ? existing.Where(c => names.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList()
                : throw StoreErrors.UndefinedColumn($"{table}.{unknown}");
        }

        if (names.Count == 0)
        {
            throw StoreErrors.InvalidArgument("there are no records to create the table from");
        }

        var columns = names.Select(name => new ImportedColumn(name, json ? JsonType(sample, name) : CsvType(sample, name))).ToList();
        session.Execute($"CREATE TABLE {Quote(table)} ({string.Join(", ", columns.Select(c => $"{Quote(c.Name)} {c.Type}"))})").Dispose();
        return columns;
    }

    private static ColumnType CsvType(List<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>> sample, string name) =>
        FieldConverter.TypeOf(sample.Select(r => r[name](Text)).Where(v => !v.IsNull).Select(v => v.AsText));

    private static ColumnType JsonType(List<IReadOnlyDictionary<string, Func<ColumnType, DbValue>>> sample, string name)
    {
        var types = sample.Where(r => r.ContainsKey(name)).Select(r => r[name](Text)).Where(v => !v.IsNull).Select(v => v.Kind switch
        {
            DbValueKind.Integer => new ColumnType(SqlType.Integer),
            DbValueKind.Real => new ColumnType(SqlType.Real),
            DbValueKind.Vector => new ColumnType(SqlType.Vector, v.AsVector.Length),
            DbValueKind.Text when v.AsText.StartsWith('{') => new ColumnType(SqlType.Sparse),
            _ => Text,
        }).Distinct().ToList();
        return types.Count == 1 ? types[0]
            : types.Count > 0 && types.All(t => t.Type is SqlType.Integer or SqlType.Real) ? new ColumnType(SqlType.Real)
            : Text;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
