using System.Globalization;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// What one <c>ann</c> run measures: the data files, the metric, the index with its build
/// parameters and the search parameter to sweep. It also says how each system spells that
/// index (Store's CREATE INDEX and SET, the params object every result carries), so Store and
/// the peers are given the same settings from one place.
/// </summary>
internal sealed record AnnOptions
{
    private static readonly string[] IndexKinds = ["hnsw", "ivf", "ivf_sq8", "ivf_pq", "flat"];

    public required string BasePath { get; init; }

    public required string QueriesPath { get; init; }

    /// <summary>An .ivecs of each query's nearest neighbours; null to compute them exactly.</summary>
    public string? GroundTruthPath { get; init; }

    public required BenchMetric Metric { get; init; }

    public int K { get; init; } = 10;

    /// <summary>hnsw, ivf (flat lists), ivf_sq8, ivf_pq or flat (no index: the exact scan).</summary>
    public required string Index { get; init; }

    public int M { get; init; } = 16;

    public int EfConstruction { get; init; } = 200;

    /// <summary>IVF lists; null for the default, 4·√n (the low end of faiss's guideline), once n is known.</summary>
    public int? Lists { get; init; }

    /// <summary>Sub-quantizers of a PQ code (must divide the dimension).</summary>
    public int PqM { get; init; } = 16;

    /// <summary>Candidates re-ranked by exact distance after a compressed (sq8, pq) scan.</summary>
    public int Rerank { get; init; } = 100;

    /// <summary>The values of ef_search (hnsw) or probes (ivf) to measure; ignored for flat.</summary>
    public required int[] Sweep { get; init; }

    public int? QueriesLimit { get; init; }

    /// <summary>
    /// Single-thread passes over the queries at each setting, for every system alike; the
    /// median pass gives qps_1t. One pass of a thousand queries lasts tens of milliseconds,
    /// which one burst of a neighbour's load on these shared vCPUs can slow by half.
    /// </summary>
    public int Passes { get; init; } = 5;

    public string? JsonPath { get; init; }

    public bool Peers { get; init; }

    /// <summary>The peers <c>--peers</c> names (<c>hnswlib</c>, <c>faiss</c>, comma-separated); empty for all of them.</summary>
    public IReadOnlyList<string> PeerNames { get; init; } = [];

    /// <summary>Whether the peer named is to run: <c>--peers</c> was given and names it, or names none.</summary>
    public bool RunsPeer(string name) => Peers && (PeerNames.Count == 0 || PeerNames.Contains(name, StringComparer.OrdinalIgnoreCase));

    public bool IsHnsw => Index == "hnsw";

    public bool IsIvf => Index.StartsWith("ivf", StringComparison.Ordinal);

    /// <summary>The settings each result reports: one per sweep value, or the single exact scan.</summary>
    public IReadOnlyList<int?> Settings => Index == "flat" ? [null] : [.. Sweep.Select(v => (int?)v)];

    /// <summary>The session setting the sweep changes, or null for flat.</summary>
    public string? SweepSetting => IsHnsw ? "hnsw.ef_search" : IsIvf ? "ivf.probes" : null;

    public static AnnOptions Parse(BenchArguments arguments)
    {
        var index = arguments.String("index") ?? "hnsw";
        if (!IndexKinds.Contains(index))
        {
            throw new ArgumentException($"unknown --index '{index}' ({string.Join(", ", IndexKinds)})");
        }

        return new AnnOptions
        {
            BasePath = arguments.String("base") ?? throw new ArgumentException("ann needs --base FILE (.fvecs or .npy)"),
            QueriesPath = arguments.String("queries") ?? throw new ArgumentException("ann needs --queries FILE (.fvecs or .npy)"),
            GroundTruthPath = arguments.String("gt"),
            Metric = BenchMetric.Parse(arguments.String("metric") ?? "l2"),
            K = arguments.Int("k", 10),
            Index = index,
            M = arguments.Int("m", 16),
            EfConstruction = arguments.Int("ef-construction", 200),
            Lists = arguments.String("lists") is null ? null : arguments.Int("lists", 0),
            PqM = arguments.Int("pq-m", 16),
            Rerank = arguments.Int("rerank", 100),
            Sweep = [.. (arguments.String("sweep") ?? "10,20,40,80,160,320").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))],
            QueriesLimit = arguments.String("queries-limit") is null ? null : arguments.Int("queries-limit", 0),
            Passes = Math.Max(1, arguments.Int("passes", 5)),
            JsonPath = arguments.String("json"),
            Peers = arguments.Flag("peers"),
            PeerNames = (arguments.String("peers") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>These options with the defaults that depend on the number of base vectors filled in.</summary>
    public AnnOptions ForBaseOf(int count) => this with { Lists = Lists ?? Math.Max(1, (int)Math.Round(4 * Math.Sqrt(count))) };

    /// <summary>Store's CREATE INDEX for these options, or null for flat.</summary>
    public string? CreateIndexSql()
    {
        var metric = $"metric = '{Metric.Name}'";
        return Index switch
        {
            "hnsw" => $"CREATE INDEX vecs_idx ON vecs USING hnsw (emb) WITH ({metric}, m = {M}, ef_construction = {EfConstruction})",
            "ivf" => $"CREATE INDEX vecs_idx ON vecs USING ivf (emb) WITH ({metric}, lists = {Lists}, quantizer = 'flat')",
            "ivf_sq8" => $"CREATE INDEX vecs_idx ON vecs USING ivf (emb) WITH ({metric}, lists = {Lists}, quantizer = 'sq8', rerank = {Rerank})",
            "ivf_pq" => $"CREATE INDEX vecs_idx ON vecs USING ivf (emb) WITH ({metric}, lists = {Lists}, quantizer = 'pq', pq_m = {PqM}, rerank = {Rerank})",
            _ => null,
        };
    }

    /// <summary>The params object of a result at one setting: the build parameters and the swept value, named alike for every system.</summary>
    public Dictionary<string, object> ParamsAt(int? setting)
    {
        var values = new Dictionary<string, object>();
        if (IsHnsw)
        {
            values["m"] = M;
            values["ef_construction"] = EfConstruction;
            values["ef_search"] = setting!;
        }
        else if (IsIvf)
        {
            values["lists"] = Lists!;
            if (Index == "ivf_pq")
            {
                values["pq_m"] = PqM;
            }

            if (Index != "ivf")
            {
                values["rerank"] = Rerank;
            }

            values["probes"] = setting!;
        }

        return values;
    }
}
