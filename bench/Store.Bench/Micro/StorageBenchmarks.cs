using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Store.Access;
using Store.Access.Catalog;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Bench.Micro;

/// <summary>
/// The storage engine against SQLite (Microsoft.Data.Sqlite, WAL mode) on the same work in
/// the same run: 100,000 rows of about 1 KiB inserted in transactions of 1,000, 10,000
/// random point lookups by key, and a full scan. Both use synchronous = FULL and a 64 MiB
/// page cache. Within each category SQLite is the baseline, so Ratio is Store over SQLite.
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StorageBenchmarks
{
    private const int Rows = 100_000;
    private const int RowsPerTransaction = 1_000;
    private const int Lookups = 10_000;
    private const long CacheBytes = 64L * 1024 * 1024;

    private readonly byte[][] _bodies = MakeBodies();
    private readonly long[] _lookupKeys = MakeLookupKeys();
    private string _directory = "";
    private Pager? _storeRead;

    /// <summary>The read database's in-memory state, shared by every lookup and scan as the engine shares it.</summary>
    private readonly DatabaseState _storeReadState = new();
    private SqliteConnection? _sqliteRead;

    [GlobalSetup(Targets = [nameof(PointLookup_Store), nameof(FullScan_Store)])]
    public void SetupStoreRead()
    {
        NewDirectory();
        _storeRead = Pager.Open(Path.Combine(_directory, "read.store"), StoreOptions);
        InsertStore(_storeRead);
    }

    [GlobalSetup(Targets = [nameof(PointLookup_Sqlite), nameof(FullScan_Sqlite)])]
    public void SetupSqliteRead()
    {
        NewDirectory();
        _sqliteRead = OpenSqlite(Path.Combine(_directory, "read.sqlite"));
        InsertSqlite(_sqliteRead);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storeRead?.Dispose();
        _sqliteRead?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Targets = [nameof(Insert_Store), nameof(Insert_Sqlite)])]
    public void FreshDirectory()
    {
        if (_directory.Length > 0)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        NewDirectory();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Insert 100k x 1 KiB")]
    public void Insert_Sqlite()
    {
        using var connection = OpenSqlite(Path.Combine(_directory, "insert.sqlite"));
        InsertSqlite(connection);
    }

    [Benchmark]
    [BenchmarkCategory("Insert 100k x 1 KiB")]
    public void Insert_Store()
    {
        using var pager = Pager.Open(Path.Combine(_directory, "insert.store"), StoreOptions);
        InsertStore(pager);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("10k point lookups")]
    public long PointLookup_Sqlite()
    {
        using var command = _sqliteRead!.CreateCommand();
        command.CommandText = "SELECT body FROM t WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        long bytes = 0;
        foreach (var key in _lookupKeys)
        {
            id.Value = key;
            using var reader = command.ExecuteReader();
            reader.Read();
            bytes += ((byte[])reader[0]).Length;
        }

        return bytes;
    }

    [Benchmark]
    [BenchmarkCategory("10k point lookups")]
    public long PointLookup_Store()
    {
        using var txn = _storeRead!.BeginRead();
        var table = new SystemCatalog(txn, _storeReadState).OpenTable("t");
        long bytes = 0;
        foreach (var key in _lookupKeys)
        {
            bytes += table.Get(key)![1].AsBlob.Length;
        }

        return bytes;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Full scan 100k")]
    public long FullScan_Sqlite()
    {
        using var command = _sqliteRead!.CreateCommand();
        command.CommandText = "SELECT id, body FROM t ORDER BY id";
        using var reader = command.ExecuteReader();
        long bytes = 0;
        while (reader.Read())
        {
            bytes += ((byte[])reader[1]).Length;
        }

        return bytes;
    }

    [Benchmark]
    [BenchmarkCategory("Full scan 100k")]
    public long FullScan_Store()
    {
        using var txn = _storeRead!.BeginRead();
        long bytes = 0;
        foreach (var (_, values) in new SystemCatalog(txn, _storeReadState).OpenTable("t").Scan())
        {
            bytes += values[1].AsBlob.Length;
        }

        return bytes;
    }

    private static PagerOptions StoreOptions => new() { CacheBytes = CacheBytes, Synchronous = SynchronousMode.Full };

    private void InsertStore(Pager pager)
    {
        using (var txn = pager.BeginWrite())
        {
            new SystemCatalog(txn, new DatabaseState()).CreateTable(new TableSchema("t", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("body", "BLOB")]));
            txn.Commit();
        }

        for (var start = 0; start < Rows; start += RowsPerTransaction)
        {
            using var txn = pager.BeginWrite();
            var table = new SystemCatalog(txn, new DatabaseState()).OpenTable("t");
            for (var i = start; i < start + RowsPerTransaction; i++)
            {
                table.Insert([DbValue.FromInteger(i + 1), DbValue.FromBlob(_bodies[i % _bodies.Length])]);
            }

            txn.Commit();
        }
    }

    private void InsertSqlite(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)";
            create.ExecuteNonQuery();
        }

        for (var start = 0; start < Rows; start += RowsPerTransaction)
        {
            using var txn = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var body = insert.Parameters.Add("$body", SqliteType.Blob);
            for (var i = start; i < start + RowsPerTransaction; i++)
            {
                id.Value = i + 1;
                body.Value = _bodies[i % _bodies.Length];
                insert.ExecuteNonQuery();
            }

            txn.Commit();
        }
    }

    private static SqliteConnection OpenSqlite(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -{CacheBytes / 1024};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private void NewDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "store-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    private static byte[][] MakeBodies()
    {
        var random = new Random(1);
        return Enumerable.Range(0, 997).Select(_ =>
        {
            var body = new byte[random.Next(900, 1150)];
            random.NextBytes(body);
            return body;
        }).ToArray();
    }

    private static long[] MakeLookupKeys()
    {
        var random = new Random(2);
        return Enumerable.Range(0, Lookups).Select(_ => random.NextInt64(1, Rows + 1)).ToArray();
    }

    /// <summary>Each operation takes seconds, so few iterations; in-process keeps the run short on two cores.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(2).WithIterationCount(7).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1));
    }
}
