namespace Store.Storage.Paging;

/// <summary>When the pager calls fsync, as SQLite's <c>PRAGMA synchronous</c> in WAL mode.</summary>
public enum SynchronousMode
{
    /// <summary>Never: fastest; a power loss may lose or corrupt recent commits, a process crash loses nothing.</summary>
    Off,

    /// <summary>At checkpoints only: a power loss may lose the latest commits but never corrupts.</summary>
    Normal,

    /// <summary>At every commit: a commit that returned survives power loss.</summary>
    Full,
}
