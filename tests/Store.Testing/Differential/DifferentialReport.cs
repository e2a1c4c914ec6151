namespace Store.Testing.Differential;

/// <summary>The outcome of a differential run: the mismatches, and how much was compared (so a run that compared nothing cannot pass unnoticed).</summary>
public sealed record DifferentialReport(IReadOnlyList<string> Mismatches, int Queries, int NonEmptyResults, int RowsCompared);
