using Store.Core.Errors;
using Store.Core.Values;
using Store.Engine;

namespace Store.Shell.DotCommands;

/// <summary><c>.schema [TABLE]</c>: CREATE statements that rebuild the tables and their indexes, and (for the whole schema) the registered models.</summary>
internal sealed class SchemaCommand : IDotCommand
{
    public string Name => "schema";

    public string Arguments => "[TABLE]";

    public string Help => "show CREATE statements (of one table)";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        try
        {
            var tables = Rows(shell.Session, "SHOW TABLES").Select(r => r[0].AsText)
                .Where(t => arguments.Count == 0 || string.Equals(t, arguments[0], StringComparison.OrdinalIgnoreCase)).ToList();
            var indexes = Rows(shell.Session, "SHOW INDEXES");
            foreach (var table in tables)
            {
                var columns = Rows(shell.Session, $"DESCRIBE \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"").Select(c =>
                    $"  {c[0].AsText} {c[1].AsText}{(c[3].AsInteger == 1 ? " PRIMARY KEY" : c[2].AsInteger == 1 ? " NOT NULL" : "")}");
                shell.Out.WriteLine($"CREATE TABLE {table} (\n{string.Join(",\n", columns)}\n);");
                foreach (var index in indexes.Where(i => string.Equals(i[1].AsText, table, StringComparison.OrdinalIgnoreCase) && !i[0].AsText.EndsWith("_pkey", StringComparison.Ordinal)))
                {
                    var method = index[2].AsText == "btree" ? "" : $" USING {index[2].AsText}";
                    var options = index[5].AsText.Length == 0 ? "" : $" WITH ({index[5].AsText})";
                    shell.Out.WriteLine($"CREATE {(index[4].AsInteger == 1 ? "UNIQUE " : "")}INDEX {index[0].AsText} ON {table}{method} ({index[3].AsText}){options};");
                }
            }

            // Models first would read better, but a model depends on no table and no table on it.
            foreach (var model in arguments.Count == 0 ? Rows(shell.Session, "SHOW MODELS").Where(m => m[7].AsText.Length > 0) : [])
            {
                shell.Out.WriteLine($"CREATE MODEL {model[0].AsText} FROM '{model[6].AsText.Replace("'", "''", StringComparison.Ordinal)}' WITH ({model[7].AsText});");
            }

            return true;
        }
        catch (StoreException error)
        {
            shell.Err.WriteLine($"error {error.SqlState}: {error.Message}");
            return false;
        }
    }

    private static List<DbValue[]> Rows(Session session, string sql)
    {
        using var result = session.Execute(sql);
        var rows = new List<DbValue[]>();
        while (result.Read())
        {
            rows.Add(result.Current.ToArray());
        }

        return rows;
    }
}
