namespace Store.Storage.Wal;

/// <summary>
/// Byte layout of the write-ahead log file.
/// <code>
/// header (32 bytes)
///   [0, 4)    magic 0x53574C31 "SWL1" (u32 LE)
///   [4, 8)    format version (u32 LE)
///   [8, 12)   page size (u32 LE)
///   [12, 16)  checkpoint sequence: bumped each time the log is restarted (u32 LE)
///   [16, 24)  salt: random per restart; frames with another salt are stale (u64 LE)
///   [24, 32)  XxHash3 of bytes [0, 24) (u64 LE)
/// frame i at 32 + i * (32 + page size): a frame header, then the page image
///   [0, 4)    page number (u32 LE)
///   [4, 8)    for the last frame of a commit, the database size in pages; otherwise 0
///   [8, 16)   salt, equal to the header's (u64 LE)
///   [16, 24)  LSN of the commit (u64 LE)
///   [24, 32)  chained checksum: XxHash3 of frame header [0, 24) and the page image, seeded
///             with the previous frame's checksum (the salt for frame 0) (u64 LE)
/// </code>
/// The chain means a frame is valid only if every frame before it is, so recovery stops at the
/// first torn or stale frame and keeps what precedes the last commit frame. The header's sequence
/// and salt are the log's identity: the main file's header names them (<see cref="LogBinding"/>),
/// and a log with others is not the database's own.
/// </summary>
internal static class WalLayout
{
    public const uint Magic = 0x53574C31;
    public const int Version = 1;
    public const int HeaderSize = 32;
    public const int FrameHeaderSize = 32;

    public const int HeaderPageSizeOffset = 8;
    public const int HeaderSequenceOffset = 12;
    public const int HeaderSaltOffset = 16;
    public const int HeaderChecksumOffset = 24;

    public const int FramePageOffset = 0;
    public const int FrameCommitSizeOffset = 4;
    public const int FrameSaltOffset = 8;
    public const int FrameLsnOffset = 16;
    public const int FrameChecksumOffset = 24;

    public static long FrameOffset(int frame, int pageSize) => HeaderSize + ((long)frame * (FrameHeaderSize + pageSize));
}
