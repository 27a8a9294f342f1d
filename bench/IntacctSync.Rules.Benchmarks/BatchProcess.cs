using System.Diagnostics;
using IntacctSync.Rules.Benchmarks.Infrastructure;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>Runs a batch process with its standard output counted and thrown away (it is hundreds of MB), and samples its peak working set.</summary>
internal static class BatchProcess
{
    public static (int ExitCode, long OutputLines, string Stderr, long PeakWorkingSet) Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = Task.Run(() =>
        {
            long count = 0;
            var buffer = new char[1 << 16];
            int read;
            while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                count += buffer.AsSpan(0, read).Count('\n');
            }

            return count;
        });

        // VmHWM (the peak resident set) can only be read while the process lives: sample it until it ends.
        long peak = 0;
        while (!process.WaitForExit(100))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;
            }
        }

        process.WaitForExit();
        return (process.ExitCode, lines.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), peak);
    }
}
