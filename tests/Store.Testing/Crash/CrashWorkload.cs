using Store.Access;
using Store.Access.Catalog;
using Store.Access.Tables;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Testing.Crash;

/// <summary>
/// The crash test's workload: a deterministic sequence of transactions over a table with a
/// B+tree index, an HNSW and an IVF index on a vector column and a BM25 index on its text, so the state after transaction t can be
/// rebuilt in memory from (seed, t) alone.
/// Transaction t also writes t into the progress table, which tells recovery's result apart.
/// </summary>
public static class CrashWorkload
{
    public const string ItemsTable = "items";
    public const string ProgressTable = "progress";

    private static readonly TableSchema Items = new(ItemsTable,
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("body", "TEXT", NotNull: true),
        new ColumnDefinition("n", "INTEGER"),
        new ColumnDefinition("emb", $"VECTOR({Dimensions})"),
    ]);

    /// <summary>Dimensions of the vector column; small, so the graph changes a lot per transaction.</summary>
    public const int Dimensions = 8;

    public const string VectorIndex = "items_emb";

    /// <summary>Lists of the IVF index; searches probe them all, so every row must be found.</summary>
    public const int IvfLists = 8;

    private static readonly TableSchema Progress = new(ProgressTable,
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("txn", "INTEGER", NotNull: true),
    ]);

    /// <summary>Creates the tables if this is a new database; returns the last committed transaction number.</summary>
    internal static long Prepare(Pager pager, DatabaseState state)
    {
        using (var read = pager.BeginRead())
        {
            if (new SystemCatalog(read, state).FindTable(ProgressTable) is not null)
            {
                return CommittedTransaction(read);
            }
        }

        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, state);
        catalog.CreateTable(Items);
        catalog.CreateTable(Progress);
        catalog.CreateIndex(new IndexSchema("items_n", ItemsTable, ["n"]));
        catalog.CreateIndex(new IndexSchema(VectorIndex, ItemsTable, ["emb"], Method: "hnsw", Options: [new("m", "6"), new("ef_construction", "32")]));
        catalog.CreateIndex(new IndexSchema("items_ivf", ItemsTable, ["emb"], Method: "ivf", Options: [new("lists", $"{IvfLists}")]));
        catalog.CreateIndex(new IndexSchema("items_bm25", ItemsTable, ["body"], Method: "bm25"));
        catalog.OpenTable(ProgressTable).Insert([DbValue.FromInteger(1), DbValue.FromInteger(0)]);
        txn.Commit();
        return 0;
    }

    internal static long CommittedTransaction(ReadTransaction txn) =>
        new SystemCatalog(txn, new DatabaseState()).OpenTable(ProgressTable).Get(1)![1].AsInteger;

    /// <summary>The items after transactions 1..<paramref name="t"/>.</summary>
    public static SortedDictionary<long, DbValue[]> Replay(int seed, long t)
    {
        var model = new SortedDictionary<long, DbValue[]>();
        ReplayForward(seed, model, 0, t);
        return model;
    }

    /// <summary>Advances a model that holds the items after transaction <paramref name="from"/> to after <paramref name="to"/>.</summary>
    public static void ReplayForward(int seed, SortedDictionary<long, DbValue[]> model, long from, long to)
    {
        for (var i = from + 1; i <= to; i++)
        {
            foreach (var operation in Operations(seed, i, model))
            {
                operation.Apply(model);
            }
        }
    }

    /// <summary>
    /// Runs transaction <paramref name="t"/> against the table and the model; when
    /// <paramref name="rollBackFirst"/>, runs it once and rolls back first, to exercise rollback.
    /// </summary>
    internal static void Run(Pager pager, DatabaseState state, int seed, long t, SortedDictionary<long, DbValue[]> model, bool rollBackFirst)
    {
        var operations = Operations(seed, t, model);
        if (rollBackFirst)
        {
            using var doomed = pager.BeginWrite();
            Apply(doomed, state, operations, t);
            doomed.Rollback();
        }

        using var txn = pager.BeginWrite();
        Apply(txn, state, operations, t);
        txn.Commit();
        foreach (var operation in operations)
        {
            operation.Apply(model);
        }
    }

    private static void Apply(WriteTransaction txn, DatabaseState state, List<Operation> operations, long t)
    {
        var catalog = new SystemCatalog(txn, state);
        var items = catalog.OpenTable(ItemsTable);
        foreach (var operation in operations)
        {
            operation.Apply(items);
        }

        catalog.OpenTable(ProgressTable).Update(1, [DbValue.FromInteger(1), DbValue.FromInteger(t)]);
    }

    private static List<Operation> Operations(int seed, long t, SortedDictionary<long, DbValue[]> model)
    {
        var random = new Random(unchecked((int)((seed * 1_000_003L) + (t * 7_919L))));
        var existing = model.Keys.ToList();
        var count = random.Next(1, 40);
        var operations = new List<Operation>(count);
        var touched = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            var kind = existing.Count < 50 ? 0 : random.Next(3);
            var id = kind == 0 ? random.NextInt64(1, 1_000_000) : existing[random.Next(existing.Count)];
            if (!touched.Add(id) || (kind == 0 && model.ContainsKey(id)))
            {
                continue;
            }

            var body = Body(random.Next(26), random.Next(10) == 0 ? random.Next(2000, 20000) : random.Next(1, 300));
            var vector = random.Next(8) == 0 ? DbValue.Null : DbValue.FromVector(Enumerable.Range(0, Dimensions).Select(_ => (float)random.NextDouble()).ToArray());
            var row = new[] { DbValue.FromInteger(id), DbValue.FromText(body), DbValue.FromInteger(random.Next(100)), vector };
            operations.Add(new Operation(kind, id, row));
        }

        return operations;
    }

    /// <summary>Words of seven letters, each the next letter of the alphabet from <paramref name="first"/> on: text that gives the BM25 index several terms per row.</summary>
    private static string Body(int first, int length) =>
        string.Create(length, first, static (text, first) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = i % 8 == 7 ? ' ' : (char)('a' + ((first + (i / 8)) % 26));
            }
        });

    /// <summary>0 = insert, 1 = update, 2 = delete.</summary>
    private sealed record Operation(int Kind, long Id, DbValue[] Row)
    {
        public void Apply(SortedDictionary<long, DbValue[]> model)
        {
            if (Kind == 2)
            {
                model.Remove(Id);
            }
            else
            {
                model[Id] = Row;
            }
        }

        public void Apply(Table table)
        {
            switch (Kind)
            {
                case 0:
                    table.Insert(Row);
                    break;
                case 1:
                    table.Update(Id, Row);
                    break;
                default:
                    table.Delete(Id);
                    break;
            }
        }
    }
}
