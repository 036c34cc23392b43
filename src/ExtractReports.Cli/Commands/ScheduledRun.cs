using ExtractReports.Pipeline;
using ExtractReports.Runs;
using Spectre.Console;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// What `extract`, `crawl` and `merge` share for unattended runs: the output folder's lock (two runs
/// never overlap), its log file, run.json, and the exit code. A run that cannot take the lock exits
/// with <see cref="ExitCodes.FolderLocked"/> and touches nothing.
/// </summary>
internal static class ScheduledRun
{
    public static int Execute(string command, string outDir, Func<RunLog, Progress, RunSummary> body)
    {
        RunLock folderLock;
        try { folderLock = RunLock.Acquire(outDir); }
        catch (FolderLockedException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.FolderLocked;
        }
        using (folderLock)
        using (var log = new RunLog(outDir))
        {
            var started = DateTime.UtcNow;
            log.Write($"{command} started (pid {Environment.ProcessId})");
            try
            {
                var summary = body(log, new Progress()) with { Command = command, Started = started, Seconds = Math.Round((DateTime.UtcNow - started).TotalSeconds, 3) };
                summary = summary with { ExitCode = summary.FailedCount > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok };
                summary.Save(outDir);
                log.Write($"{command} finished in {summary.Seconds:0.###} s: {summary.Documents} documents, {summary.New} new, {summary.Changed} changed, " +
                          $"{summary.Unchanged} unchanged, {summary.FailedCount} failed, {summary.Extracted} extracted, {summary.Reused} reused" +
                          (summary.OutputsUnchanged ? ", outputs unchanged" : ""));
                foreach (var f in summary.Failed) log.Write($"  failed {f.Document} ({f.Path}): {f.Reason}");
                Console.Error.WriteLine($"{summary.Documents} documents: {summary.New} new, {summary.Changed} changed, {summary.Unchanged} unchanged, " +
                                        $"{summary.FailedCount} failed ({summary.Extracted} extracted, {summary.Reused} reused) -> {Path.GetFullPath(outDir)}");
                foreach (var f in summary.Failed.Take(50)) Console.Error.WriteLine($"  {f.Path}: {f.Reason}");
                if (summary.FailedCount > 50) Console.Error.WriteLine($"  … {summary.FailedCount - 50} more in {Path.Combine(outDir, RunSummary.FileName)}");
                return summary.ExitCode;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Write($"{command} failed: {e}");
                new RunSummary { Command = command, Started = started, Seconds = Math.Round((DateTime.UtcNow - started).TotalSeconds, 3), ExitCode = ExitCodes.RunFailed,
                    Failed = [new FailedItem("", outDir, $"the run itself failed: {e.Message}")] }.Save(outDir);
                Console.Error.WriteLine($"{command} failed: {e.Message}");
                return ExitCodes.RunFailed;
            }
        }
    }

    /// <summary>Progress of the documents of a run: a bar on a terminal, one line per document when output is redirected (cron).</summary>
    internal sealed class Progress
    {
        private static readonly bool Interactive = !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        private int _done;

        public void Run(string label, int total, Action<Action<string, DocumentResult>> work)
        {
            if (Interactive)
            {
                AnsiConsole.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask(label, maxValue: Math.Max(1, total));
                    work((_, _) => task.Increment(1));
                });
            }
            else
                work((path, r) => Console.Error.WriteLine($"[{Interlocked.Increment(ref _done)}/{total}] {r.Status.Name(),-12} {path}"));
        }
    }
}
