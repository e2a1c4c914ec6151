namespace Store.Storage.Buffers;

/// <summary>Counters of one buffer pool since it was created.</summary>
public sealed record BufferPoolStats(long Hits, long Misses, long Evictions, int ResidentPages, long ResidentBytes, long BudgetBytes);
