using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Store.Storage.Devices;

/// <summary>
/// Whether a path names a regular file. A database can only live in one: a FIFO cannot seek, and
/// a device such as /dev/null takes writes and returns nothing, so the pager must refuse both
/// before it creates anything beside them (a WAL). .NET reports FIFOs and devices as plain
/// files, so on Linux the file type comes from statx, whose buffer has the same layout on every
/// architecture; elsewhere only folders are told apart.
/// </summary>
internal static class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>True when <paramref name="path"/> exists and is not a regular file (a folder, device, FIFO or socket).</summary>
    public static bool IsSomethingElse(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return false;
        }

        var buffer = new byte[256];
        return Statx(AtCurrentDirectory, path, 0, StatxType, buffer) == 0
            && (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(StatxModeOffset)) & TypeMask) != Regular;
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code in this project.
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
