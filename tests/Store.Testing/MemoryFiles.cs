using Store.Storage.Devices;
using Store.Storage.Paging;

namespace Store.Testing;

/// <summary>
/// A main file and WAL kept in memory across pager lifetimes: open, abandon (as a crash
/// does), damage the bytes, and open again. Optional fault injection on either file.
/// </summary>
internal sealed class MemoryFiles
{
    public MemoryDevice Main { get; } = new("main");

    public MemoryDevice Wal { get; } = new("main-wal");

    /// <summary>The fault injectors of the last <see cref="OpenWithFaults"/>.</summary>
    public (FaultInjectingDevice Main, FaultInjectingDevice Wal) Faults { get; private set; }

    public Pager Open(PagerOptions options) =>
        Pager.Open(new SharedMemoryDevice(Main), () => new SharedMemoryDevice(Wal), options);

    public Pager OpenWithFaults(PagerOptions options)
    {
        Faults = (new FaultInjectingDevice(new SharedMemoryDevice(Main)), new FaultInjectingDevice(new SharedMemoryDevice(Wal)));
        return Pager.Open(Faults.Main, () => Faults.Wal, options);
    }
}
