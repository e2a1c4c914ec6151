namespace Store.Storage.Wal;

/// <summary>
/// In-memory map from page number to the WAL frames holding images of it, in append order.
/// A snapshot with mark m sees frames [0, m): it reads the newest frame below m, or the main
/// file when there is none. Not thread-safe; the pager guards it.
/// </summary>
internal sealed class WalIndex
{
    private readonly Dictionary<uint, List<int>> _framesByPage = [];

    public void Add(uint page, int frame)
    {
        if (!_framesByPage.TryGetValue(page, out var frames))
        {
            frames = [];
            _framesByPage.Add(page, frames);
        }

        frames.Add(frame);
    }

    /// <summary>The newest frame of <paramref name="page"/> below <paramref name="mark"/>, or -1.</summary>
    public int Find(uint page, int mark)
    {
        if (!_framesByPage.TryGetValue(page, out var frames))
        {
            return -1;
        }

        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i] < mark)
            {
                return frames[i];
            }
        }

        return -1;
    }

    /// <summary>Each page's newest frame in [from, to): what a checkpoint copies home.</summary>
    public List<(uint Page, int Frame)> NewestIn(int from, int to)
    {
        var result = new List<(uint, int)>();
        foreach (var (page, frames) in _framesByPage)
        {
            var frame = Find(page, to);
            if (frame >= from)
            {
                result.Add((page, frame));
            }
        }

        result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return result;
    }

    public void Clear() => _framesByPage.Clear();
}
