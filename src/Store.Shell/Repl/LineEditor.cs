using System.Text;

namespace Store.Shell.Repl;

/// <summary>
/// Reads one line from the terminal with editing (left / right, Home / End, Backspace /
/// Delete, Ctrl-A / Ctrl-E / Ctrl-U) and history (up / down). Returns null on Ctrl-D at an
/// empty line; Ctrl-C abandons the line.
/// </summary>
internal sealed class LineEditor(History history)
{
    public string? ReadLine(string prompt)
    {
        Console.Write(prompt);
        var line = new StringBuilder();
        var cursor = 0;
        var recall = history.Count;
        var drawn = 0;
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    history.Add(line.ToString());
                    return line.ToString();
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.UpArrow when recall > 0:
                    Replace(line, history[--recall], ref cursor);
                    break;
                case ConsoleKey.DownArrow when recall < history.Count:
                    recall++;
                    Replace(line, recall < history.Count ? history[recall] : "", ref cursor);
                    break;
                default:
                    if (key.Modifiers.HasFlag(ConsoleModifiers.Control))
                    {
                        switch (key.Key)
                        {
                            case ConsoleKey.D when line.Length == 0:
                                Console.WriteLine();
                                return null;
                            case ConsoleKey.C:
                                Console.WriteLine("^C");
                                return "";
                            case ConsoleKey.A:
                                cursor = 0;
                                break;
                            case ConsoleKey.E:
                                cursor = line.Length;
                                break;
                            case ConsoleKey.U:
                                line.Remove(0, cursor);
                                cursor = 0;
                                break;
                        }
                    }
                    else if (!char.IsControl(key.KeyChar))
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            drawn = Redraw(prompt, line, cursor, drawn);
        }
    }

    private static void Replace(StringBuilder line, string text, ref int cursor)
    {
        line.Clear().Append(text);
        cursor = line.Length;
    }

    /// <summary>Rewrites the line after the prompt and puts the cursor back; returns how many characters are drawn.</summary>
    private static int Redraw(string prompt, StringBuilder line, int cursor, int drawn)
    {
        var text = line.ToString();
        Console.Write("\r" + prompt + text + new string(' ', Math.Max(drawn - text.Length, 0)));
        Console.Write("\r" + prompt + text[..cursor]);
        return text.Length;
    }
}
