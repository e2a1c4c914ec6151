using System.Collections.Frozen;

namespace Store.Sql.Functions;

/// <summary>Every built-in scalar function by name (case-insensitive). Aggregates are bound separately.</summary>
internal static class FunctionRegistry
{
    private static readonly FrozenDictionary<string, ScalarFunction> Functions =
        TextFunctions.All().Concat(NumberFunctions.All()).Concat(VectorFunctions.All())
            .ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, int arguments, out ScalarFunction function) =>
        Functions.TryGetValue(name, out function!) && arguments >= function.MinArguments && arguments <= function.MaxArguments;
}
