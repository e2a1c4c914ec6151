namespace Store.Shell.Repl;

/// <summary>Lines entered in the REPL, most recent last, kept in <c>~/.store_history</c> across sessions (the last 1,000).</summary>
internal sealed class History
{
    private const int Limit = 1000;
    private readonly List<string> _lines;
    private readonly string? _path;

    public History(string? path)
    {
        _path = path;
        _lines = path is not null && File.Exists(path) ? File.ReadAllLines(path).TakeLast(Limit).ToList() : [];
    }

    public int Count => _lines.Count;

    public string this[int index] => _lines[index];

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_lines.Count > 0 && _lines[^1] == line))
        {
            return;
        }

        _lines.Add(line);
        if (_path is not null)
        {
            try
            {
                File.AppendAllLines(_path, [line]);
            }
            catch (IOException)
            {
                // History is a convenience: a read-only home directory must not stop the shell.
            }
        }
    }
}
