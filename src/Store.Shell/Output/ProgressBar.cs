namespace Store.Shell.Output;

/// <summary>A one-line progress bar on standard error, redrawn in place at most every 1% of progress.</summary>
internal sealed class ProgressBar(TextWriter output, long total, bool enabled)
{
    private const int Width = 30;
    private int _shownPercent = -1;

    public void Report(long done, long rows)
    {
        if (!enabled || total <= 0)
        {
            return;
        }

        var percent = (int)Math.Min(100, done * 100 / total);
        if (percent == _shownPercent)
        {
            return;
        }

        _shownPercent = percent;
        var filled = percent * Width / 100;
        output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {rows:N0} rows");
    }

    public void Finish()
    {
        if (enabled && _shownPercent >= 0)
        {
            output.Write("\r" + new string(' ', Width + 30) + "\r");
        }
    }
}
