using System.Diagnostics;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Benchmarks;

/// <summary>
/// Text dumps end to end (read, tables, fields, checks, scoring, CSV) on one core, in batches as
/// `extract` runs them: every document read, then the CSVs written once. Besides wall-clock documents
/// per second it reports the process's CPU time and the bytes allocated per document: our machines
/// are shared, and those two hardly depend on what else the machine runs, so the CPU-time rate is the
/// one to compare with the goal (200 documents/s) when the machine is busy.
/// </summary>
public sealed class TextDumpBenchmark : IBenchmark
{
    public string Name => "text";
    public string Description => "documents per second for text dumps, one core, extract through CSV";

    private const int Rounds = 20;
    private const int SteadyBatches = 4;
    private const int WarmUpRounds = 20;

    public void Run(string root, TextWriter output)
    {
        var files = new[] { "seeds", "text" }.Select(k => Path.Combine(root, "corpus", k)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d).Where(f => f.EndsWith(".txt") || f.EndsWith(".md"))).Order().ToList();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var outDir = Directory.CreateTempSubdirectory("er-bench-").FullName;
        var batch = Enumerable.Repeat(files, Rounds).SelectMany(f => f).ToList();
        output.WriteLine($"  {files.Count} dumps x {Rounds} = {batch.Count} documents a batch; " +
                         $"load average {LoadAverage()} on {Environment.ProcessorCount} cores; GC {GcMode()}");

        // The first batch follows one pass over the files, as a short `extract` run: it pays for the JIT
        // recompiling hot methods at its optimizing tier and for the heap growing to hold a batch.
        foreach (var f in files) pipeline.Run(f);
        var first = Measure(pipeline, batch, outDir);
        output.WriteLine($"  first batch: {first}");

        // Then the steady state, what a long run gets, after more passes and a pause for the JIT's
        // background compilations.
        for (int i = 0; i < WarmUpRounds; i++) foreach (var f in files) pipeline.Run(f);
        Thread.Sleep(500);
        var steady = new List<BatchFigures>();
        for (int b = 0; b < SteadyBatches; b++)
        {
            steady.Add(Measure(pipeline, batch, outDir));
            output.WriteLine($"  steady {b + 1}:    {steady[^1]}");
        }
        double cpuMs = Median(steady.Select(f => f.CpuMsPerDocument));
        output.WriteLine($"  steady state (median of {SteadyBatches}): {1000 / cpuMs:0.0} documents/s by CPU time ({cpuMs:0.00} CPU-ms a document), " +
                         $"{Median(steady.Select(f => f.WallRate)):0.0} documents/s by wall clock, " +
                         $"{Median(steady.Select(f => f.KiBPerDocument)):0} KiB allocated a document");
        Directory.Delete(outDir, true);
    }

    /// <summary>One batch as `extract` runs it: every document read, then the CSVs written once.</summary>
    private static BatchFigures Measure(ExtractPipeline pipeline, IReadOnlyList<string> batch, string outDir)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var pause0 = GC.GetTotalPauseDuration();
        var gcs0 = GcCounts();
        var watch = Stopwatch.StartNew();

        var results = batch.Select(f => pipeline.Run(f)).ToList();
        OutputWriter.Write(outDir, results, new OutputOptions(), StandardSchema.Default);

        watch.Stop();
        process.Refresh();
        var gcs = GcCounts();
        return new BatchFigures(batch.Count, (process.TotalProcessorTime - cpu0).TotalSeconds, watch.Elapsed.TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated0, (GC.GetTotalPauseDuration() - pause0).TotalSeconds,
            $"{gcs.Gen0 - gcs0.Gen0}/{gcs.Gen1 - gcs0.Gen1}/{gcs.Gen2 - gcs0.Gen2}");
    }

    private sealed record BatchFigures(int Documents, double CpuSeconds, double WallSeconds, double AllocatedBytes, double PauseSeconds, string Collections)
    {
        public double CpuMsPerDocument => CpuSeconds * 1000 / Documents;
        public double WallRate => Documents / WallSeconds;
        public double KiBPerDocument => AllocatedBytes / Documents / 1024;

        public override string ToString() =>
            $"{Documents / CpuSeconds,6:0.0} documents/s by CPU time ({CpuMsPerDocument:0.00} CPU-ms a document), " +
            $"{WallRate,6:0.0} documents/s by wall clock ({WallSeconds:0.00} s); {KiBPerDocument:0} KiB allocated a document; " +
            $"GCs {Collections} (gen0/1/2), paused {PauseSeconds / WallSeconds:0%} of wall";
    }

    private static (int Gen0, int Gen1, int Gen2) GcCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private static string GcMode() =>
        $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}";
}
