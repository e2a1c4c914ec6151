using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Store.Architecture.Tests;

/// <summary>
/// No static mutable state (STYLE.md, habit 8) but the two process-wide registries: the open
/// files (<c>Store.Engine.DatabaseRegistry</c>) and the loaded models of each device
/// (<c>Store.Inference.ModelHost</c>). Everything else a database keeps in memory belongs to
/// its per-file state object. A static field is mutable state when it can be assigned after
/// the type is initialised (not readonly, or an auto-property with a setter), or when it is
/// readonly but holds something whose contents change: a container (a dictionary, list, set,
/// queue, cache or box), or an object of a Store type with a field that is not readonly (the
/// type itself, any Store type deriving from it, and the Store types it holds, as far down as
/// they go; for a read-only collection, its element type). Read-only tables are fine: frozen
/// collections, interfaces that only read, arrays of constants, immutable records and parsers.
/// Per-thread scratch buffers are pinned one by one below, so that a new one is a decision,
/// not an accident.
/// </summary>
public class StaticStateTests
{
    private static readonly string[] Registries = ["Store.Engine.DatabaseRegistry", "Store.Inference.ModelHost"];

    /// <summary>[ThreadStatic] buffers that a search reuses on its own thread; no two threads share them.</summary>
    private static readonly string[] ThreadScratch =
    [
        "Store.Access.Vectors.Ivf.IvfLists.t_distances",
        "Store.Access.Vectors.Ivf.PqCodec.t_query",
        "Store.Access.Vectors.Ivf.PqCodec.t_combined",
    ];

    /// <summary>Generic types whose instances change after they are made.</summary>
    private static readonly Type[] MutableContainers =
    [
        typeof(Dictionary<,>), typeof(List<>), typeof(HashSet<>), typeof(Queue<>), typeof(Stack<>), typeof(SortedDictionary<,>),
        typeof(SortedSet<>), typeof(LinkedList<>), typeof(ConcurrentDictionary<,>), typeof(ConcurrentQueue<>), typeof(ConcurrentBag<>),
        typeof(ConditionalWeakTable<,>), typeof(StrongBox<>), typeof(Lazy<>), typeof(ThreadLocal<>),
    ];

    private static readonly Type[] StoreTypes = Repository.SourceProjects()
        .Select(p => Repository.SourceAssembly(p.Key, p.Value))
        .Append(typeof(StaticStateTests).Assembly)
        .SelectMany(Types)
        .ToArray();

    [Fact]
    public void Only_the_two_registries_hold_static_mutable_state()
    {
        var offenders = StoreTypes
            .Where(type => type.Assembly != typeof(StaticStateTests).Assembly)
            .Where(type => !Registries.Contains(type.FullName) && !type.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(IsMutableState)
            .Select(Name)
            .Except(ThreadScratch)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            "static mutable state outside DatabaseRegistry and ModelHost (keep it in the per-database state, or pass it down): " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_pinned_thread_scratch_fields_still_exist()
    {
        var fields = Repository.SourceProjects()
            .Select(p => Repository.SourceAssembly(p.Key, p.Value))
            .SelectMany(Types)
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.IsDefined(typeof(ThreadStaticAttribute), false))
            .Select(Name)
            .ToHashSet();

        Assert.Empty(ThreadScratch.Except(fields));
    }

    [Fact]
    public void The_rule_finds_each_kind_of_static_mutable_field()
    {
        var fields = typeof(Examples).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);

        Assert.Equal(
            ["<Settable>k__BackingField", "Assignable", "Box", "Cache", "Counters", "Lookup", "SharedCounter"],
            fields.Where(IsMutableState).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    private static bool IsMutableState(FieldInfo field) =>
        !field.IsLiteral
        && (!field.IsInitOnly || Holds(field.FieldType, []));

    /// <summary>Whether a value of <paramref name="type"/> can change: a mutable container, or a Store type (or one deriving from it) with a writable field or holding one.</summary>
    private static bool Holds(Type type, HashSet<Type> seen)
    {
        // An object field (DbValue's payload) could hold anything; what is put there is checked where it is declared.
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object) || !seen.Add(type))
        {
            return false;
        }

        if (type.IsGenericType && MutableContainers.Contains(type.GetGenericTypeDefinition()))
        {
            return true;
        }

        // A read-only collection is as mutable as what it holds.
        if (type.IsArray || (type.IsGenericType && type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true))
        {
            return (type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments()).Any(t => Holds(t, seen));
        }

        return StoreTypes.Where(t => t == type || (type.IsAssignableFrom(t) && !t.IsInterface))
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Any(f => !f.IsInitOnly || Holds(f.FieldType, seen));
    }

    private static string Name(FieldInfo field) => $"{field.DeclaringType!.FullName}.{field.Name}";

    private static IEnumerable<Type> Types(Assembly assembly) => assembly.GetTypes();

    /// <summary>Fields the rule must catch (the first five) and pass (the rest).</summary>
    private static class Examples
    {
#pragma warning disable IDE0044, IDE0051, CS0169, CS0414 // fields that exist only to be found by reflection
        private static int Assignable;
        private static readonly Dictionary<string, int> Lookup = [];
        private static readonly ConditionalWeakTable<object, object> Cache = [];
        private static readonly StrongBox<int> Box = new();
        private static readonly int[] Constants = [1, 2];
        private static readonly IReadOnlyList<int> ReadOnlyView = [1];
        private static readonly Counter SharedCounter = new();
        private static readonly IReadOnlyList<Counter> Counters = [];
        private static readonly Setting Fixed = new(1);
        private const int Literal = 1;
#pragma warning restore IDE0044, IDE0051, CS0169, CS0414

        private static int Settable { get; set; }

        private static string Name { get; } = "";
    }

    /// <summary>A Store type whose instances change: a static one is state.</summary>
    private sealed class Counter
    {
        private int _count;

        public int Next() => ++_count;
    }

    /// <summary>A Store type whose instances do not change.</summary>
    private sealed record Setting(int Value);
}
