using System.Collections.Frozen;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Store.Core.Options;
using Store.Engine;

namespace Store.Data;

/// <summary>
/// Builds and reads Store connection strings: <c>Data Source</c> (aliases <c>DataSource</c>,
/// <c>Filename</c>; a path or <c>:memory:</c>), <c>Mode</c>, <c>Cache Size</c> (bytes, or with a
/// KB, MB or GB suffix), <c>Synchronous</c>, <c>Busy Timeout</c> (seconds an open or a write waits
/// for a lock before "database is locked") and <c>Device</c> (where models run: auto, cpu or cuda). Keys are checked and values normalised as they are
/// set, so a typo fails at once rather than being ignored; an unset key reads as its default.
/// The base class keeps each value as text, which the typed properties parse back.
/// </summary>
public sealed class StoreConnectionStringBuilder : DbConnectionStringBuilder
{
    private const string DataSourceKey = "Data Source";
    private const string ModeKey = "Mode";
    private const string CacheSizeKey = "Cache Size";
    private const string SynchronousKey = "Synchronous";
    private const string DeviceKey = "Device";
    private const string BusyTimeoutKey = "Busy Timeout";

    private static readonly FrozenDictionary<string, string> CanonicalKeys = new Dictionary<string, string>
    {
        [DataSourceKey] = DataSourceKey,
        ["DataSource"] = DataSourceKey,
        ["Filename"] = DataSourceKey,
        [ModeKey] = ModeKey,
        [CacheSizeKey] = CacheSizeKey,
        ["CacheSize"] = CacheSizeKey,
        [SynchronousKey] = SynchronousKey,
        [DeviceKey] = DeviceKey,
        [BusyTimeoutKey] = BusyTimeoutKey,
        ["BusyTimeout"] = BusyTimeoutKey,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly DatabaseOptions Defaults = new();

    public StoreConnectionStringBuilder()
    {
    }

    public StoreConnectionStringBuilder(string? connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <summary>The database file's path, or <c>:memory:</c> for a new private in-memory database.</summary>
    public string DataSource
    {
        get => (string)this[DataSourceKey];
        set => this[DataSourceKey] = value;
    }

    public OpenMode Mode
    {
        get => (OpenMode)this[ModeKey];
        set => this[ModeKey] = value;
    }

    /// <summary>The buffer pool's budget in bytes.</summary>
    public long CacheSize
    {
        get => (long)this[CacheSizeKey];
        set => this[CacheSizeKey] = value;
    }

    public SyncMode Synchronous
    {
        get => (SyncMode)this[SynchronousKey];
        set => this[SynchronousKey] = value;
    }

    /// <summary>Where models (<c>embed</c> and friends) run: auto (the GPU when usable), cpu, or cuda (an error without a usable GPU).</summary>
    public InferenceDevice Device
    {
        get => (InferenceDevice)this[DeviceKey];
        set => this[DeviceKey] = value;
    }

    /// <summary>Seconds an open waits for another process to close the file, and a write for another writer, before "database is locked".</summary>
    public double BusyTimeout
    {
        get => (double)this[BusyTimeoutKey];
        set => this[BusyTimeoutKey] = value;
    }

    [AllowNull]
    public override object this[string keyword]
    {
        get => TryGetValue(keyword, out var value) ? value : throw UnknownKey(keyword);
        set
        {
            var key = Canonical(keyword);
            if (value is null)
            {
                base.Remove(key);
                return;
            }

            base[key] = Parse(key, value);
        }
    }

    public override bool ContainsKey(string keyword) =>
        CanonicalKeys.TryGetValue(keyword, out var key) && base.ContainsKey(key);

    public override bool Remove(string keyword) =>
        CanonicalKeys.TryGetValue(keyword, out var key) && base.Remove(key);

    public override bool ShouldSerialize(string keyword) =>
        CanonicalKeys.TryGetValue(keyword, out var key) && base.ShouldSerialize(key);

    public override bool TryGetValue(string keyword, [NotNullWhen(true)] out object? value)
    {
        if (!CanonicalKeys.TryGetValue(keyword, out var key))
        {
            value = null;
            return false;
        }

        // The base class keeps values as text; they were checked when set, so this parse succeeds.
        value = base.TryGetValue(key, out var text) ? Parse(key, text) : Default(key);
        return true;
    }

    /// <summary>The engine's options for these settings.</summary>
    internal DatabaseOptions ToOptions() => Defaults with
    {
        Mode = Mode,
        CacheBytes = CacheSize,
        Synchronous = Synchronous,
        Device = Device,
        BusyTimeout = TimeSpan.FromSeconds(BusyTimeout),
    };

    private static string Canonical(string keyword) =>
        CanonicalKeys.TryGetValue(keyword, out var key) ? key : throw UnknownKey(keyword);

    private static object Parse(string key, object value) => key switch
    {
        DataSourceKey => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        ModeKey => ParseEnum<OpenMode>(key, value),
        CacheSizeKey => ParseSize(value),
        DeviceKey => ParseEnum<InferenceDevice>(key, value),
        BusyTimeoutKey => ParseSeconds(value),
        _ => ParseEnum<SyncMode>(key, value),
    };

    private static object Default(string key) => key switch
    {
        DataSourceKey => "",
        ModeKey => Defaults.Mode,
        CacheSizeKey => Defaults.CacheBytes,
        DeviceKey => Defaults.Device,
        BusyTimeoutKey => Defaults.BusyTimeout.TotalSeconds,
        _ => Defaults.Synchronous,
    };

    private static ArgumentException UnknownKey(string keyword) =>
        new($"connection string keyword '{keyword}' is not supported; use Data Source, Mode, Cache Size, Synchronous, Busy Timeout or Device", nameof(keyword));

    private static T ParseEnum<T>(string key, object value)
        where T : struct, Enum
    {
        if (value is T typed && Enum.IsDefined(typed))
        {
            return typed;
        }

        // Enum.TryParse also takes numbers, which would let "Mode=7" through; only names are accepted.
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        return Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : throw new ArgumentException($"{key} '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}", nameof(value));
    }

    private static double ParseSeconds(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds / 2
            ? seconds
            : throw new ArgumentException($"{BusyTimeoutKey} '{value}' is not a number of seconds (such as 5 or 0.5)", nameof(value));
    }

    private static long ParseSize(object value)
    {
        var bytes = value switch
        {
            long n => n,
            int n => n,
            _ => ParseSizeText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };

        return bytes > 0 ? bytes : throw new ArgumentException($"{CacheSizeKey} must be a positive number of bytes, not {value}", nameof(value));
    }

    private static long ParseSizeText(string text)
    {
        text = text.Trim();
        var (digits, unit) = text.ToUpperInvariant() switch
        {
            var t when t.EndsWith("KB", StringComparison.Ordinal) => (t[..^2], 1L << 10),
            var t when t.EndsWith("MB", StringComparison.Ordinal) => (t[..^2], 1L << 20),
            var t when t.EndsWith("GB", StringComparison.Ordinal) => (t[..^2], 1L << 30),
            var t => (t, 1L),
        };

        return long.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= long.MaxValue / unit
            ? count * unit
            : throw new ArgumentException($"{CacheSizeKey} '{text}' is not a number of bytes (such as 67108864 or 64MB)", nameof(text));
    }
}
