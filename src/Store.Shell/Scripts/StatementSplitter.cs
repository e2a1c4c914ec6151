namespace Store.Shell.Scripts;

/// <summary>
/// Finds where statements end in SQL text: at a semicolon outside string literals, quoted
/// identifiers and comments. The shell feeds it lines and runs each complete statement.
/// </summary>
internal static class StatementSplitter
{
    /// <summary>Splits off every complete statement; <paramref name="rest"/> is the unfinished tail.</summary>
    public static List<string> Split(string text, out string rest)
    {
        var statements = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i = text.IndexOf(c, i + 1) is var close and >= 0 ? close + 1 : text.Length;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end + 1 : text.Length;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : text.Length;
            }
            else if (c == ';')
            {
                statements.Add(text[start..(i + 1)]);
                start = ++i;
            }
            else
            {
                i++;
            }
        }

        rest = text[start..];
        return statements;
    }

    /// <summary>Whether text holds nothing but whitespace and comments (so there is no statement to run).</summary>
    public static bool IsBlank(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("--"))
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end + 1 : text.Length;
            }
            else if (text.AsSpan(i).StartsWith("/*"))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i = end + 2;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
