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
        const int rounds = 20;
        var watch = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            var results = files.Select(f => pipeline.Run(f)).ToList();
            OutputWriter.Write(outDir, results, new OutputOptions(), StandardSchema.Default);
        }
        watch.Stop();
        int docs = files.Count * rounds;
        output.WriteLine($"{files.Count} dumps x {rounds} rounds = {docs} documents in {watch.Elapsed.TotalSeconds:0.00} s: " +
                         $"{docs / watch.Elapsed.TotalSeconds:0.0} documents/s on one core");
        Directory.Delete(outDir, true);
    }
}
