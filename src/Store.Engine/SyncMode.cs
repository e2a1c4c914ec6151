namespace Store.Engine;

/// <summary>When commits reach the disk (connection string <c>Synchronous</c>), as SQLite's <c>PRAGMA synchronous</c> in WAL mode.</summary>
public enum SyncMode
{
    /// <summary>Never fsync: fastest; a power loss may lose or corrupt recent commits (a process crash loses nothing).</summary>
    Off,

    /// <summary>Fsync at checkpoints: a power loss may lose the latest commits but never corrupts.</summary>
    Normal,

    /// <summary>Fsync every commit: a commit that returned survives power loss.</summary>
    Full,
}
