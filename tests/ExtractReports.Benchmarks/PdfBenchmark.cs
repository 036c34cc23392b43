using System.Diagnostics;
using ExtractReports.Lines.Pdf;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Benchmarks;

/// <summary>
/// Text-layer PDFs end to end (read, tables, fields, checks, CSV written) against <c>pdftotext
/// -layout</c> on the same files in the same run, both one document at a time on one thread.
/// Files: corpus/pdf, plus the real reports in ../shared/real when present.
/// </summary>
public sealed class PdfBenchmark : IBenchmark
{
    public string Name => "pdf";
    public string Description => "pages per second, extract through CSV vs pdftotext -layout";

    private const int Rounds = 3;

    public void Run(string repositoryRoot, TextWriter output)
    {
        var files = Files(repositoryRoot);
        if (files.Count == 0) { output.WriteLine("no PDFs in corpus/pdf or ../shared/real"); return; }
        var pipeline = PipelineBuilder.CreateDefault().UseReader(new PdfLineReader()).Build();
        var reader = new PdfLineReader();
        var gapsOnly = new PdfLineReader(new PdfLineReaderOptions { Pdf = new() { FindRulings = false } });
        var outDir = Directory.CreateTempSubdirectory("pdf-bench").FullName;

        // One warm-up pass: JIT, the OS file cache, poppler's font cache.
        var warm = files.Select(f => pipeline.Run(f)).ToList();
        int pages = warm.Sum(r => r.Pages);
        foreach (var r in warm.Where(r => r.Status == DocumentStatus.Error))
            output.WriteLine($"  error: {r.Name}: {r.Message}");

        // The four measures take turns within each round, so that a change in the machine's load
        // during the run touches them alike; each keeps its best round.
        var best = new double[4];
        Array.Fill(best, double.MaxValue);
        Action[] measures =
        [
            () => { foreach (var f in files) PdfToText(f); },
            () => { foreach (var f in files) reader.Read(Documents.SourceDocument.FromFile(f), default); },
            () => { foreach (var f in files) gapsOnly.Read(Documents.SourceDocument.FromFile(f), default); },
            () =>
            {
                var results = files.Select(f => pipeline.Run(f)).ToList();
                OutputWriter.Write(outDir, results, new OutputOptions(), StandardSchema.Default);
            },
        ];
        for (int round = 0; round < Rounds; round++)
            for (int i = 0; i < measures.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                measures[i]();
                best[i] = Math.Min(best[i], watch.Elapsed.TotalSeconds);
            }
        var (pdftotext, lines, noRulings, extract) = (best[0], best[1], best[2], best[3]);
        Directory.Delete(outDir, true);

        output.WriteLine($"  {files.Count} PDFs, {pages} pages; best of {Rounds} rounds taken in turns, one thread");
        output.WriteLine($"  pdftotext -layout:         {pages / pdftotext,8:0.0} pages/s ({pdftotext * 1000 / files.Count:0.0} ms a document)");
        output.WriteLine($"  PdfLineReader (lines):     {pages / lines,8:0.0} pages/s ({lines * 1000 / files.Count:0.0} ms a document)");
        output.WriteLine($"  lines without rulings:     {pages / noRulings,8:0.0} pages/s ({noRulings * 1000 / files.Count:0.0} ms a document)");
        output.WriteLine($"  extract through CSV:       {pages / extract,8:0.0} pages/s ({extract * 1000 / files.Count:0.0} ms a document)");
        output.WriteLine($"  ratio extract/pdftotext:   {pdftotext / extract,8:0.00}");
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

    private static void PdfToText(string file)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-layout", file, "-" }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
    }
}
