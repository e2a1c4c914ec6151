namespace Store.Shell.Output;

/// <summary>A count of rows done so far on standard error, redrawn in place, and cleared when the work ends: progress where the total is not known ahead.</summary>
internal sealed class RowCountLine(TextWriter output, string what)
{
    private int _width;

    public void Report(long rows)
    {
        var text = $"\r{what}: {rows:N0} rows";
        _width = Math.Max(_width, text.Length);
        output.Write(text);
    }

    public void Finish()
    {
        if (_width > 0)
        {
            output.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
