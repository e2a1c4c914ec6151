using System.Text;

namespace Store.Shell.Import;

/// <summary>Reads RFC 4180 records: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal sealed class CsvReader(TextReader input)
{
    /// <summary>The next record, or null at the end of the input.</summary>
    public List<string>? ReadRecord()
    {
        var line = input.ReadLine();
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (quoted && input.ReadLine() is { } next)
                {
                    field.Append('\n');
                    line = next;
                    i = 0;
                    continue;
                }

                fields.Add(field.ToString());
                return fields;
            }

            var c = line[i++];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
