using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Storage.Tests;

public class OpenErrorTests
{
    private static readonly PagerOptions Options = new() { PageSize = 4096 };

    [Fact]
    public void Open_of_a_text_file_reports_not_a_database_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.txt");
        var content = string.Concat(Enumerable.Repeat("just some text that is not a database\n", 300));
        File.WriteAllText(path, content);

        var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));

        Assert.Equal(ErrorCode.NotADatabase, error.Code);
        Assert.Equal(content, File.ReadAllText(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void Open_of_a_folder_a_fifo_or_a_device_reports_not_a_database_and_creates_no_wal()
    {
        using var dir = new TempDirectory();
        var paths = new List<string> { dir.Path };
        if (OperatingSystem.IsLinux())
        {
            var fifo = dir.File("pipe");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }

            paths.Add(fifo);
            if (!File.Exists("/dev/null-wal"))
            {
                paths.Add("/dev/null");
            }
        }

        foreach (var path in paths)
        {
            var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));
            Assert.Equal(ErrorCode.NotADatabase, error.Code);
            Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path + "-wal"), path);
        }
    }

    [Fact]
    public void Open_of_a_newer_format_reports_unsupported_version_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        Pager.Open(path, Options).Dispose();
        File.Delete(path + "-wal");
        var bytes = File.ReadAllBytes(path);
        bytes[16] = 9;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));

        Assert.Equal(ErrorCode.UnsupportedFormat, error.Code);
        Assert.Contains("version 9", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(4000)]
    public void Open_of_a_truncated_header_reports_not_a_database(int keptBytes)
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        Pager.Open(path, Options).Dispose();
        File.Delete(path + "-wal");
        var bytes = File.ReadAllBytes(path)[..keptBytes];
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));

        Assert.Equal(ErrorCode.NotADatabase, error.Code);
        Assert.Contains("truncated header", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Open_for_writing_of_a_read_only_file_reports_read_only_and_read_only_mode_works()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        using (var pager = Pager.Open(path, Options))
        {
            PagerTests.WriteValue(pager, null, 11);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));
        Assert.Equal(ErrorCode.ReadOnly, error.Code);

        using (var reader = Pager.Open(path, Options with { ReadOnly = true }))
        {
            Assert.Equal(11u, PagerTests.ReadValue(reader, 1));
            Assert.Equal(ErrorCode.ReadOnly, Assert.Throws<StoreException>(() => reader.BeginWrite()).Code);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_with_an_invalid_page_size_is_rejected()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<StoreException>(() => Pager.Open(dir.File("db"), Options with { PageSize = 5000 }));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public void Existing_file_keeps_its_page_size()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        Pager.Open(path, Options with { PageSize = PageLayout.MaxPageSize }).Dispose();
        using var pager = Pager.Open(path, Options);
        Assert.Equal(PageLayout.MaxPageSize, pager.PageSize);
    }
}
