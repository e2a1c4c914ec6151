using Store.Core.Options;
using Store.Engine;

namespace Store.Data.Tests;

public class StoreConnectionStringBuilderTests
{
    [Fact]
    public void Unset_keys_read_as_the_engine_defaults()
    {
        var builder = new StoreConnectionStringBuilder();
        var defaults = new DatabaseOptions();

        Assert.Equal("", builder.DataSource);
        Assert.Equal(defaults.Mode, builder.Mode);
        Assert.Equal(defaults.CacheBytes, builder.CacheSize);
        Assert.Equal(defaults.Synchronous, builder.Synchronous);
        Assert.Equal(InferenceDevice.Auto, builder.Device);
        Assert.Equal("", builder.ConnectionString);
    }

    [Fact]
    public void ConnectionString_round_trips_through_the_typed_properties()
    {
        var builder = new StoreConnectionStringBuilder
        {
            DataSource = "/tmp/my db.store",
            Mode = OpenMode.ReadOnly,
            CacheSize = 1024 * 1024,
            Synchronous = SyncMode.Normal,
        };

        var parsed = new StoreConnectionStringBuilder(builder.ConnectionString);

        Assert.Equal("/tmp/my db.store", parsed.DataSource);
        Assert.Equal(OpenMode.ReadOnly, parsed.Mode);
        Assert.Equal(1024 * 1024, parsed.CacheSize);
        Assert.Equal(SyncMode.Normal, parsed.Synchronous);
        Assert.Equal(builder.ConnectionString, parsed.ConnectionString);
    }

    [Fact]
    public void ConnectionString_with_aliases_and_any_case_normalises_keys_and_values()
    {
        var builder = new StoreConnectionStringBuilder("filename=a.store;MODE=readwrite;cachesize=64MB;synchronous=off;device=cpu");

        Assert.Equal("a.store", builder.DataSource);
        Assert.Equal(OpenMode.ReadWrite, builder.Mode);
        Assert.Equal(64L * 1024 * 1024, builder.CacheSize);
        Assert.Equal(SyncMode.Off, builder.Synchronous);
        Assert.Equal(InferenceDevice.Cpu, builder.Device);
        Assert.Equal("Data Source=a.store;Mode=ReadWrite;Cache Size=67108864;Synchronous=Off;Device=Cpu", builder.ConnectionString);
    }

    [Theory]
    [InlineData("4096", 4096L)]
    [InlineData("16KB", 16L * 1024)]
    [InlineData("2 GB", 2L * 1024 * 1024 * 1024)]
    public void CacheSize_text_accepts_bytes_and_unit_suffixes(string text, long bytes)
    {
        Assert.Equal(bytes, new StoreConnectionStringBuilder($"Cache Size={text}").CacheSize);
    }

    [Fact]
    public void Busy_Timeout_is_seconds()
    {
        var builder = new StoreConnectionStringBuilder("busytimeout=0.25");

        Assert.Equal(0.25, builder.BusyTimeout);
        Assert.Equal(5, new StoreConnectionStringBuilder().BusyTimeout);
        Assert.Equal("Busy Timeout=0.25", builder.ConnectionString);
    }

    [Theory]
    [InlineData("Busy Timeout=soon")]
    [InlineData("Busy Timeout=-1")]
    [InlineData("Colour=red")]
    [InlineData("Mode=Sideways")]
    [InlineData("Mode=1")]
    [InlineData("Synchronous=Sometimes")]
    [InlineData("Device=tpu")]
    [InlineData("Cache Size=-5")]
    [InlineData("Cache Size=lots")]
    public void ConnectionString_with_an_unknown_key_or_bad_value_throws(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => new StoreConnectionStringBuilder(connectionString));
    }

    [Fact]
    public void Remove_and_ContainsKey_accept_aliases()
    {
        var builder = new StoreConnectionStringBuilder("Data Source=a.store");

        Assert.True(builder.ContainsKey("Filename"));
        Assert.True(builder.Remove("DataSource"));
        Assert.False(builder.ContainsKey("Data Source"));
        Assert.False(builder.ContainsKey("Colour"));
        Assert.Equal("", builder.DataSource);
    }
}
