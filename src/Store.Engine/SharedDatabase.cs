using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>One open file's engine (its pager), shared by every <see cref="Database"/> handle on it in this process.</summary>
internal sealed class SharedDatabase(string key, Pager pager, bool readOnly)
{
    public string Key { get; } = key;

    public Pager Pager { get; } = pager;

    public bool ReadOnly { get; } = readOnly;

    /// <summary>Open handles; guarded by the registry's lock.</summary>
    public int References { get; set; }
}
