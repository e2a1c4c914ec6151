using Store.Core.Values;
using Store.Engine;

namespace Store.Bench.Commands;

/// <summary>
/// The table the vector benchmarks search, <c>vecs (id INTEGER PRIMARY KEY, emb VECTOR(d))</c>.
/// A row's id is the vector's position in the input, so the ids a query returns compare
/// directly with exact answers and ground-truth files.
/// </summary>
internal static class VectorTable
{
    private const int RowsPerTransaction = 5000;

    public static void Load(Session session, float[][] vectors)
    {
        var dimensions = vectors.Length == 0 ? 1 : vectors[0].Length;
        session.Execute($"CREATE TABLE vecs (id INTEGER PRIMARY KEY, emb VECTOR({dimensions}))").Dispose();
        var insert = session.Prepare("INSERT INTO vecs (id, emb) VALUES (:id, :emb)");
        for (var start = 0; start < vectors.Length; start += RowsPerTransaction)
        {
            session.Begin();
            for (var i = start; i < Math.Min(start + RowsPerTransaction, vectors.Length); i++)
            {
                session.Execute(insert, new StatementParameters().Add("id", DbValue.FromInteger(i)).Add("emb", DbValue.FromVector(vectors[i]))).Dispose();
            }

            session.Commit();
        }
    }

    /// <summary>The ids a query statement returns, in order (the first column of each row).</summary>
    public static int[] Ids(Session session, PreparedStatement query, float[] vector)
    {
        using var result = session.Execute(query, new StatementParameters().Add("q", DbValue.FromVector(vector)));
        var ids = new List<int>();
        while (result.Read())
        {
            ids.Add((int)result[0].AsInteger);
        }

        return [.. ids];
    }
}
