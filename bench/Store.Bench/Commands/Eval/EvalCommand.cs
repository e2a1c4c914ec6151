using System.Diagnostics;
using System.Text.Json;
using Store.Core.Options;
using Store.Core.Values;
using Store.Engine;
using Store.Inference;

namespace Store.Bench.Commands.Eval;

/// <summary>
/// <c>eval</c>: retrieval quality on BEIR-layout collections, all through SQL. The corpus is
/// loaded into a table and embedded with <c>UPDATE ... SET emb = embed(model, body)</c> (or
/// from the embedding cache), then each pipeline answers every judged query and is scored
/// with trec_eval's nDCG@10, recall@100 and MRR@10. Query embeddings are computed once before
/// the pipelines are timed, so mean_query_ms is search (and rerank) time.
/// </summary>
internal static class EvalCommand
{
    private const int EmbedRowsPerStatement = 64;

    public static int Run(BenchArguments arguments)
    {
        var directories = (arguments.String("data") ?? throw new ArgumentException("--data DIR[,DIR...] is required")).Split(',');
        var pipelines = (arguments.String("pipelines") ?? "dense,hnsw,dense+cosine,dense+maxsim").Split(',').Select(EvalPipeline.Parse).OrderBy(p => p.UsesIndex).ToList();
        var model = arguments.String("model") ?? ModelHost.DefaultModel;
        var rerankDepth = arguments.Int("rerank-depth", 20);
        var device = Enum.Parse<InferenceDevice>(arguments.String("device") ?? "cpu", ignoreCase: true);
        var results = new List<EvalResult>();
        foreach (var directory in directories)
        {
            results.AddRange(RunCollection(BeirCollection.Load(directory), pipelines, model, rerankDepth, device));
        }

        Console.WriteLine();
        Console.WriteLine($"{"collection",-12} {"pipeline",-14} {"nDCG@10",8} {"R@100",7} {"MRR@10",7} {"queries",7} {"docs",6} {"enc/s",7} {"ms/query",9}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Collection,-12} {r.Pipeline,-14} {r.NdcgAt10,8:F4} {r.RecallAt100,7:F4} {r.MrrAt10,7:F4} {r.Queries,7} {r.Docs,6} {r.EncodeDocsPerSecond?.ToString("F1") ?? "cached",7} {r.MeanQueryMs,9:F1}");
        }

        if (arguments.String("json") is { } json)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    private static List<EvalResult> RunCollection(BeirCollection collection, IReadOnlyList<EvalPipeline> pipelines, string model, int rerankDepth, InferenceDevice device)
    {
        Console.WriteLine($"{collection.Name}: {collection.Documents.Count} documents, {collection.Queries.Count} judged queries, model {model} on {device}");
        var directory = Directory.CreateTempSubdirectory("store-eval-");
        try
        {
            using var database = Database.Open(Path.Combine(directory.FullName, "eval.db"), new DatabaseOptions { Synchronous = SyncMode.Off, CacheBytes = 1L << 30, Device = device });
            using var session = database.OpenSession();
            var parameters = new StatementParameters().Add("model", DbValue.FromText(model));
            var encodeRate = Load(session, collection, ModelHost.For(device).Dense(model).Dimensions, model);

            var clock = Stopwatch.StartNew();
            foreach (var (_, text) in collection.Queries)
            {
                using var embedded = session.Execute("SELECT embed_query(:model, :q)", Query(parameters, text));
                embedded.Read();
            }

            Console.WriteLine($"  encoded {collection.Queries.Count} queries in {clock.Elapsed.TotalSeconds:F1} s");
            var results = new List<EvalResult>();
            foreach (var pipeline in pipelines)
            {
                if (pipeline.UsesIndex && !session.Execute("SHOW INDEXES").Read())
                {
                    clock.Restart();
                    session.Execute("CREATE INDEX docs_emb ON docs USING hnsw (emb) WITH (metric = 'cosine', m = 16, ef_construction = 200)").Dispose();
                    session.Execute("SET hnsw.ef_search = 200").Dispose();
                    Console.WriteLine($"  built the HNSW index in {clock.Elapsed.TotalSeconds:F1} s");
                }

                results.Add(Score(session, collection, pipeline, parameters, rerankDepth, encodeRate));
                Console.WriteLine($"  {pipeline.Name}: nDCG@10 {results[^1].NdcgAt10:F4}, {results[^1].MeanQueryMs:F1} ms a query");
            }

            return results;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Inserts the documents and fills their vectors with embed() (or the cache); documents encoded a second per second, null when all came from the cache.</summary>
    private static double? Load(Session session, BeirCollection collection, int dimensions, string model)
    {
        session.Execute($"CREATE TABLE docs (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, body TEXT NOT NULL, emb VECTOR({dimensions}))").Dispose();
        var insert = session.Prepare("INSERT INTO docs (id, doc_id, body) VALUES (:id, :doc, :body)");
        session.Begin();
        for (var i = 0; i < collection.Documents.Count; i++)
        {
            session.Execute(insert, new StatementParameters().Add("id", DbValue.FromInteger(i + 1))
                .Add("doc", DbValue.FromText(collection.Documents[i].Id)).Add("body", DbValue.FromText(collection.Documents[i].Text))).Dispose();
        }

        session.Commit();
        using var cache = new EmbeddingCacheFile(model, dimensions);
        var missing = Enumerable.Range(0, collection.Documents.Count).Where(i => !cache.TryGet(collection.Documents[i].Text, out _)).ToList();
        var fromCache = session.Prepare("UPDATE docs SET emb = :emb WHERE id = :id");
        session.Begin();
        for (var i = 0; i < collection.Documents.Count; i++)
        {
            if (cache.TryGet(collection.Documents[i].Text, out var vector))
            {
                session.Execute(fromCache, new StatementParameters().Add("emb", DbValue.FromVector(vector)).Add("id", DbValue.FromInteger(i + 1))).Dispose();
            }
        }

        session.Commit();
        if (missing.Count == 0)
        {
            Console.WriteLine($"  all {collection.Documents.Count} document embeddings from {cache.Path}");
            return null;
        }

        // Rows in id order, a few per statement (each statement is one batched model run), so progress shows.
        var clock = Stopwatch.StartNew();
        var cacheTime = TimeSpan.Zero;
        foreach (var chunk in missing.Chunk(EmbedRowsPerStatement))
        {
            var ids = string.Join(", ", chunk.Select(i => i + 1));
            session.Execute($"UPDATE docs SET emb = embed('{model}', body) WHERE id IN ({ids})").Dispose();
            Console.Error.Write($"\r  encoding: {chunk[^1] + 1} / {collection.Documents.Count}");

            // Cached as it goes, so an interrupted run resumes where it stopped.
            var caching = Stopwatch.StartNew();
            using var stored = session.Execute($"SELECT body, emb FROM docs WHERE id IN ({ids})");
            while (stored.Read())
            {
                cache.Add(stored[0].AsText, stored[1].AsVector);
            }

            cacheTime += caching.Elapsed;
        }

        var seconds = (clock.Elapsed - cacheTime).TotalSeconds;
        Console.Error.WriteLine();

        Console.WriteLine($"  encoded {missing.Count} documents in {seconds:F1} s ({missing.Count / seconds:F1} a second); cached in {cache.Path}");
        return missing.Count / seconds;
    }

    private static EvalResult Score(Session session, BeirCollection collection, EvalPipeline pipeline, StatementParameters parameters, int rerankDepth, double? encodeRate)
    {
        var firstStage = session.Prepare(EvalPipeline.FirstStageSql);
        var rerank = session.Prepare(EvalPipeline.RerankSql(rerankDepth));
        var (ndcg, recall, mrr, milliseconds) = (0.0, 0.0, 0.0, 0.0);
        foreach (var (id, text) in collection.Queries)
        {
            var clock = Stopwatch.StartNew();
            var ranked = Ids(session, firstStage, Query(parameters, text));
            if (pipeline.Reranker is not null)
            {
                var reranked = Ids(session, rerank, Query(parameters, text).Add("reranker", DbValue.FromText(pipeline.RerankerOf(parameters.Named["model"].AsText))));
                ranked = [.. reranked, .. ranked.Except(reranked)];
            }

            milliseconds += clock.Elapsed.TotalMilliseconds;
            var judged = collection.Judgements[id];
            ndcg += RetrievalMetrics.NdcgAt(10, ranked, judged);
            recall += RetrievalMetrics.RecallAt(100, ranked, judged);
            mrr += RetrievalMetrics.ReciprocalRankAt(10, ranked, judged);
        }

        var n = collection.Queries.Count;
        return new EvalResult(collection.Name, pipeline.Name, ndcg / n, recall / n, mrr / n, n, collection.Documents.Count, encodeRate, milliseconds / n);
    }

    private static StatementParameters Query(StatementParameters shared, string text) =>
        new StatementParameters().Add("model", shared.Named["model"]).Add("q", DbValue.FromText(text));

    private static List<string> Ids(Session session, PreparedStatement statement, StatementParameters parameters)
    {
        using var result = session.Execute(statement, parameters);
        var ids = new List<string>();
        while (result.Read())
        {
            ids.Add(result[0].AsText);
        }

        return ids;
    }
}
