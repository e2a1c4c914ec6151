using System.ComponentModel;
using System.Diagnostics;

namespace Store.Bench.Commands;

/// <summary>
/// Runs a peer program (a Python script or a compiled C++ benchmark) and returns what it
/// printed. Its standard error is passed through as it arrives, so a long peer build shows
/// progress. A missing or failing peer is reported and skipped, never fatal to the bench.
/// </summary>
internal static class PeerProcess
{
    /// <summary>The peer's standard output, or null (after saying why) when it could not run or failed.</summary>
    public static string? Run(string program, IEnumerable<string> arguments, string hint)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is { Length: > 0 } text)
                {
                    Console.Error.WriteLine($"  [{Path.GetFileName(program)}] {text}");
                }
            };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"peer {Path.GetFileName(program)} failed with exit code {process.ExitCode} ({hint})");
                return null;
            }

            return output;
        }
        catch (Win32Exception e)
        {
            Console.Error.WriteLine($"peer skipped: {program} could not start ({e.Message}; {hint})");
            return null;
        }
    }
}
