using System.Diagnostics;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Benchmarks;

/// <summary>Text dumps end to end (read, tables, fields, checks, scoring, CSV) on one core.</summary>
public sealed class TextDumpBenchmark : IBenchmark
{
    public string Name => "text";
    public string Description => "documents per second for text dumps, one core, extract through CSV";

    public void Run(string root, TextWriter output)
    {
        var files = new[] { "seeds", "text" }.Select(k => Path.Combine(root, "corpus", k)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d).Where(f => f.EndsWith(".txt") || f.EndsWith(".md"))).Order().ToList();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var outDir = Directory.CreateTempSubdirectory("er-bench-").FullName;
        foreach (var f in files) pipeline.Run(f); // warm-up: JIT and caches
        // One batch as `extract` runs it: every document read, then the CSVs written once.
        const int rounds = 20;
        var batch = Enumerable.Repeat(files, rounds).SelectMany(f => f).ToList();
        var watch = Stopwatch.StartNew();
        var results = batch.Select(f => pipeline.Run(f)).ToList();
        OutputWriter.Write(outDir, results, new OutputOptions(), StandardSchema.Default);
        watch.Stop();
        output.WriteLine($"{files.Count} dumps x {rounds} = {batch.Count} documents in one batch, {watch.Elapsed.TotalSeconds:0.00} s: " +
                         $"{batch.Count / watch.Elapsed.TotalSeconds:0.0} documents/s on one core, extract through CSV");
        Directory.Delete(outDir, true);
    }
}
