namespace Store.Inference.Models;

/// <summary>The names CREATE MODEL spells the kinds with.</summary>
public static class ModelKinds
{
    private static readonly (string Name, ModelKind Kind)[] Names =
        [("dense", ModelKind.Dense), ("sparse", ModelKind.Sparse), ("cross_encoder", ModelKind.CrossEncoder), ("late_interaction", ModelKind.LateInteraction)];

    public static string NameOf(ModelKind kind) => Names.First(n => n.Kind == kind).Name;

    public static ModelKind? Parse(string name) =>
        Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.Kind : null;

    public static string All => string.Join(", ", Names.Select(n => n.Name));
}
