using System.Runtime.ExceptionServices;

namespace Store.Sql.Execution;

/// <summary>
/// Runs work on a thread of its own with a large stack. The parser, binder and planner recurse
/// once per level of a statement's nesting, several kilobytes a level in the parser: a
/// statement nested to the limit (<see cref="Parsing.Nesting.MaxDepth"/>) would overflow the
/// 1 MiB of a thread-pool thread, and a stack overflow ends the whole process, host included.
/// Only statements nested deeper than <see cref="Parsing.Nesting.ShallowDepth"/> come here.
/// </summary>
internal static class DeepStack
{
    /// <summary>Reserved, not committed: pages are touched only as deep as the work goes.</summary>
    private const int StackBytes = 256 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            StackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
