using System.Diagnostics;
using ExtractReports.Lines.Pdf;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Benchmarks;

/// <summary>
/// Text-layer PDFs end to end (read, tables, fields, checks, CSV written) against <c>pdftotext
/// -layout</c> on the same files in the same run, both one document at a time on one thread.
/// Wall time and CPU time (this process and its child processes: poppler's tools) are both
/// reported, since on a shared machine wall time follows the other users' load.
/// Files: corpus/pdf, plus the real reports in ../shared/real when present.
/// </summary>
public sealed class PdfBenchmark : IBenchmark
{
    public string Name => "pdf";
    public string Description => "pages per second, extract through CSV vs pdftotext -layout";

    private const int Rounds = 5;

    private sealed record Measure(string Label, Action Run)
    {
        public double Wall = double.MaxValue, Cpu = double.MaxValue;
    }

    public void Run(string repositoryRoot, TextWriter output)
    {
        var files = Files(repositoryRoot);
        if (files.Count == 0) { output.WriteLine("no PDFs in corpus/pdf or ../shared/real"); return; }
        ExtractPipeline Pipeline(PdfRulings rulings) =>
            PipelineBuilder.CreateDefault().UseReader(new PdfLineReader(new PdfLineReaderOptions { Rulings = rulings })).Build();
        var extract = Pipeline(PdfRulings.WhenInDoubt);
        var alwaysRuled = Pipeline(PdfRulings.Always);
        var gapsOnly = new PdfLineReader(new PdfLineReaderOptions { Rulings = PdfRulings.Never });
        var outDir = Directory.CreateTempSubdirectory("pdf-bench").FullName;

        // One warm-up pass: JIT, the OS file cache, poppler's font cache.
        var warm = files.Select(f => extract.Run(f)).ToList();
        alwaysRuled.Run(files[0]);
        int pages = warm.Sum(r => r.Pages);
        foreach (var r in warm.Where(r => r.Status == DocumentStatus.Error))
            output.WriteLine($"  error: {r.Name}: {r.Message}");
        var closer = warm.Where(r => r.Method.Contains("rulings", StringComparison.Ordinal)).Select(r => r.Name).ToList();

        void Extract(ExtractPipeline pipeline)
        {
            var results = files.Select(f => pipeline.Run(f)).ToList();
            OutputWriter.Write(outDir, results, new OutputOptions(), StandardSchema.Default);
        }
        Measure[] measures =
        [
            new("pdftotext -layout", () => { foreach (var f in files) PdfToText(f); }),
            new("extract through CSV", () => Extract(extract)),
            new("  same, rulings always", () => Extract(alwaysRuled)),
            new("  lines from gaps only", () => { foreach (var f in files) gapsOnly.Read(Documents.SourceDocument.FromFile(f), default); }),
        ];
        var loadBefore = LoadAverage();
        // The measures take turns within each round, so that a change in the machine's load during
        // the run touches them alike; each keeps its best round, of wall time and of CPU time apart.
        for (int round = 0; round < Rounds; round++)
            foreach (var m in measures)
            {
                var cpu0 = CpuTime.Now();
                var watch = Stopwatch.StartNew();
                m.Run();
                m.Wall = Math.Min(m.Wall, watch.Elapsed.TotalSeconds);
                var cpu1 = CpuTime.Now();
                m.Cpu = Math.Min(m.Cpu, cpu1.Own - cpu0.Own + cpu1.Children - cpu0.Children);
            }
        Directory.Delete(outDir, true);

        output.WriteLine($"  {files.Count} PDFs, {pages} pages; best of {Rounds} rounds taken in turns, one thread; load average {loadBefore} before, {LoadAverage()} after (2-core machine: {Environment.ProcessorCount} cores)");
        output.WriteLine($"  closer reading (with rulings) taken for {closer.Count}: {string.Join(", ", closer)}");
        output.WriteLine($"  {"",-24} {"pages/s",8} {"ms/doc",8} {"CPU ms/doc",11} {"pages/CPU-s",12}");
        foreach (var m in measures)
            output.WriteLine($"  {m.Label,-24} {pages / m.Wall,8:0.0} {m.Wall * 1000 / files.Count,8:0.0} {m.Cpu * 1000 / files.Count,11:0.0} {pages / m.Cpu,12:0.0}");
        output.WriteLine($"  ratio extract/pdftotext: {measures[0].Wall / measures[1].Wall:0.00} by wall time, {measures[0].Cpu / measures[1].Cpu:0.00} by CPU time");
    }

    private static List<string> Files(string root)
    {
        var files = new List<string>();
        var corpus = Path.Combine(root, "corpus", "pdf");
        if (Directory.Exists(corpus)) files.AddRange(Directory.GetFiles(corpus, "*.pdf").Order(StringComparer.Ordinal));
        var real = Path.GetFullPath(Path.Combine(root, "..", "shared", "real"));
        if (Directory.Exists(real)) files.AddRange(Directory.GetFiles(real, "*.pdf").Order(StringComparer.Ordinal));
        return files;
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private static void PdfToText(string file)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-layout", file, "-" }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
    }
}
