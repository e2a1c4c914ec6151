using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Store.Bench.Micro;

/// <summary>A summary column: how many megabytes (10^6 bytes) of input a benchmark gets through a second, from its mean.</summary>
internal sealed class MegabytesPerSecondColumn(long bytesPerOperation, string inputName) : IColumn
{
    public string Id => $"{nameof(MegabytesPerSecondColumn)}.{inputName}";

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Megabytes of {inputName} (UTF-8) per second, from the mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanoseconds is > 0
            ? (bytesPerOperation / 1e6 / (nanoseconds.Value / 1e9)).ToString("F1", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
