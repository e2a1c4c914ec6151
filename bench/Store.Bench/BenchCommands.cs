using BenchmarkDotNet.Running;

namespace Store.Bench;

/// <summary>
/// The bench program's subcommands: <c>micro</c> (the BenchmarkDotNet suites; arguments after it go to BenchmarkDotNet,
/// e.g. <c>--filter *Distance*</c>), <c>crash-soak</c> (the crash harness, 1,000+ kills),
/// <c>prepare</c> and <c>knn-scan</c> (the SQL engine against SQLite, numpy and faiss) and
/// <c>sql-soak</c> (the differential test against SQLite, larger), <c>fuzz</c> (hostile and
/// mutated SQL, in process), and <c>gen</c> and <c>ann</c>
/// (synthetic vector data; approximate nearest-neighbour search against hnswlib and faiss) and
/// <c>hnsw-layers</c> (where an HNSW query's time goes), <c>eval</c> (retrieval quality on
/// BEIR collections), <c>encode</c> (encoding throughput against the model packages' own encoders) and
/// <c>tokenizers</c> (WordPiece tokenisers against Hugging Face's).
/// </summary>
internal static class BenchCommands
{
    private const string Usage = """
        usage: Store.Bench <command> [options]
          micro [BenchmarkDotNet args]     run the micro-benchmark suites (e.g. --filter '*Storage*')
          crash-soak [--kills N] [--seed S] kill a writer process N times (default 1000), verify each time
          prepare [--iterations N] [--json OUT]  parse + bind + plan time per statement, against SQLite's prepare
          knn-scan [--vectors N] [--dims D] [--queries Q] [--k K] [--json OUT]
                                           exact kNN scan throughput, against numpy and faiss IndexFlatL2
          sql-soak [--databases N] [--queries Q] [--seed S]  the SQLite differential test at soak size
          fuzz [--statements 100000] [--seed S] [--slow-ms 5000]
                                           hostile and mutated SQL in this process: rows or a typed error, never a crash or hang
          gen --out DIR [--kind clustered|normalised|text] [--count N] [--dim D] [--queries Q] [--seed S]
              [--clusters C] [--metric l2|ip|cosine] [--no-gt] [--data PASSAGES.jsonl --model arctic]
                                           seeded synthetic vectors: base.fvecs, queries.fvecs, gt.ivecs (exact top 100)
          ann --base FILE --queries FILE [--gt FILE] [--metric l2|ip|cosine] [--k 10]
              [--index hnsw|ivf|ivf_sq8|ivf_pq|flat] [--m 16] [--ef-construction 200] [--lists N]
              [--pq-m 16] [--rerank 100] [--sweep 10,20,40,80,160,320] [--queries-limit N] [--passes 5] [--json OUT] [--peers [hnswlib,faiss]]
                                           ANN through SQL: recall, QPS, latency, build time, size; --peers adds hnswlib and faiss
          eval --data DIR[,DIR...] [--pipelines dense,hnsw,dense+cosine,dense+maxsim,dense+listwise,hnsw+rerank] [--model arctic]
               [--rerank-depth 20] [--device cpu|auto|cuda] [--json OUT]
                                           retrieval quality on BEIR collections through SQL: nDCG@10, recall@100, MRR@10
          encode [--model arctic] [--data DIR] [--texts 256] [--batches 1,8,32,64] [--peer]
                                           encoding throughput by batch size; --peer adds the SentenceTransformers package's encoder and compares vectors
          tokenizers [--model arctic] [--data PASSAGES.jsonl] [--texts 5000]
                                           WordPiece tokenisers against Hugging Face's: agreement and speed
          hnsw-layers --base FILE --queries FILE [--m 16] [--ef-construction 200] [--ef 10] [--k 10] [--rounds 10] [--graph-only]
                                           HNSW query time by layer: bare graph, access layer, SQL statement
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "crash-soak":
                return Commands.CrashSoak.Run(new BenchArguments(rest));
            case "prepare":
                return Commands.SqlPrepare.Run(new BenchArguments(rest));
            case "knn-scan":
                return Commands.KnnScan.Run(new BenchArguments(rest));
            case "fuzz":
                return Commands.FuzzCommand.Run(new BenchArguments(rest));
            case "sql-soak":
                return Commands.SqlSoak.Run(new BenchArguments(rest));
            case "gen":
                return Commands.Ann.GenCommand.Run(new BenchArguments(rest));
            case "encode":
                return Commands.EncodeCommand.Run(new BenchArguments(rest));
            case "eval":
                return Commands.Eval.EvalCommand.Run(new BenchArguments(rest));
            case "tokenizers":
                return Commands.TokenizersCommand.Run(new BenchArguments(rest));
            case "hnsw-layers":
                return Commands.Ann.HnswLayers.Run(new BenchArguments(rest));
            case "ann":
                return Commands.Ann.AnnCommand.Run(new BenchArguments(rest));
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run(rest);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
