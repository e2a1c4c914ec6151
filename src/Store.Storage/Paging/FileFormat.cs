using Store.Core.Errors;
using Store.Storage.Devices;
using Store.Storage.Pages;

namespace Store.Storage.Paging;

/// <summary>
/// Identifies and validates the main file on open, or lays down page 0 of a new one. Every
/// check runs before anything is written, so opening a file that is not a Store database
/// leaves it untouched.
/// </summary>
internal static class FileFormat
{
    /// <summary>
    /// Returns the main file's page 0 as stored there, its identity (magic, version, page size)
    /// checked. The rest is checked by <see cref="IsHeaderIntact"/> only when the WAL holds no
    /// newer image of the page.
    /// </summary>
    public static byte[] ReadOrCreateHeader(IStorageDevice main, PagerOptions options)
    {
        try
        {
            var length = main.Length;
            if (length == 0)
            {
                if (options.ReadOnly)
                {
                    throw StoreErrors.NotADatabase(main.Name, "the file is empty");
                }

                return Create(main, options.PageSize);
            }

            Span<byte> identity = stackalloc byte[HeaderPage.IdentitySize];
            if (main.Read(0, identity) < HeaderPage.IdentitySize)
            {
                throw StoreErrors.NotADatabase(main.Name, $"truncated header ({length} bytes)");
            }

            if (!HeaderPage.HasMagic(identity))
            {
                throw StoreErrors.NotADatabase(main.Name, $"unknown file signature '{HeaderPage.DescribeMagic(identity)}'");
            }

            var version = HeaderPage.GetFormatVersion(identity);
            if (version > HeaderPage.FormatVersion || version < 1)
            {
                throw StoreErrors.UnsupportedFormat(main.Name, version, HeaderPage.FormatVersion);
            }

            var pageSize = HeaderPage.GetPageSize(identity);
            if (!PageLayout.IsValidPageSize(pageSize))
            {
                throw StoreErrors.NotADatabase(main.Name, $"invalid page size {pageSize}");
            }

            var header = new byte[pageSize];
            if (main.Read(0, header) < pageSize)
            {
                throw StoreErrors.NotADatabase(main.Name, $"truncated header ({length} bytes, page size {pageSize})");
            }

            return header;
        }
        catch (IOException e)
        {
            throw StoreErrors.Io("open", main.Name, e);
        }
    }

    public static bool IsHeaderIntact(ReadOnlySpan<byte> header) =>
        PageLayout.HasValidChecksum(header, 0) && PageLayout.GetType(header) == PageType.Header;

    private static byte[] Create(IStorageDevice main, int pageSize)
    {
        var header = new byte[pageSize];
        HeaderPage.Initialize(header, pageSize);
        PageLayout.Seal(header, 0, 0);
        main.Write(0, header);
        main.Flush();
        return header;
    }
}
