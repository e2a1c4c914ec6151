using Store.Access;
using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>
/// One open file's engine, shared by every <see cref="Database"/> handle on it in this process:
/// its pager, and the in-memory state its transactions share (the committed catalog, the loaded
/// vector indexes).
/// </summary>
internal sealed class SharedDatabase(string key, Pager pager, bool readOnly)
{
    public string Key { get; } = key;

    public Pager Pager { get; } = pager;

    public DatabaseState State { get; } = new();

    public bool ReadOnly { get; } = readOnly;

    /// <summary>Open handles; guarded by the registry's lock.</summary>
    public int References { get; set; }
}
