namespace Store.Testing;

/// <summary>Device operations that <see cref="FaultInjectingDevice"/> can make fail.</summary>
public enum DeviceOperation
{
    Read,
    Write,
    Flush,
}
