using System.Diagnostics;
using ExtractReports.Documents;
using ExtractReports.Native;
using ExtractReports.Native.Leptonica;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Benchmarks;

/// <summary>
/// OCR speed on the scanned corpus: seconds per page with every core busy (one document per core, one
/// engine each), next to the plain `tesseract` command (whole page, chi_sim, OMP_THREAD_LIMIT=1, one
/// process per core) on the same page images in the same run.
/// </summary>
public sealed class OcrBenchmark : IBenchmark
{
    public string Name => "ocr";
    public string Description => "scan reader vs. the tesseract command, seconds per page on all cores (corpus/scan)";

    public void Run(string repositoryRoot, TextWriter output)
    {
        var folder = Path.Combine(repositoryRoot, "corpus", "scan");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => !f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f).ToList()
            : [];
        if (files.Count == 0) { output.WriteLine($"no documents in {folder}"); return; }
        if (!NativeLibraries.TryLoadOcr(out var reason)) { output.WriteLine($"skipped: {reason}"); return; }
        int cores = Environment.ProcessorCount;
        var docs = files.Select(SourceDocument.FromFile)
            .Select(d => d.Kind == DocumentKind.PdfText ? d with { Kind = DocumentKind.PdfScan } : d).ToList();

        // The page images, as the reader gets them, written out for the tesseract command.
        var dir = Directory.CreateTempSubdirectory("ocr-bench-");
        try
        {
            var options = new OcrOptions { MaxEngines = cores };
            var source = new ScanImageSource(options, new LeptonicaImaging());
            var images = new List<string>();
            foreach (var d in docs)
                foreach (var page in source.Pages(d, CancellationToken.None))
                {
                    var path = Path.Combine(dir.FullName, $"p{images.Count:0000}.pgm");
                    WritePgm(path, page);
                    images.Add(path);
                }

            using var reader = NativeOcr.CreateScanReader(options);
            reader.Read(docs[0], CancellationToken.None); // start the engines' data and JIT outside the timing
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int pages = 0;
            Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = cores },
                d => Interlocked.Add(ref pages, reader.Read(d, CancellationToken.None).Pages));
            var ours = watch.Elapsed.TotalSeconds;
            var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;

            watch.Restart();
            var children0 = CpuTime.Children();
            Parallel.ForEach(images, new ParallelOptions { MaxDegreeOfParallelism = cores }, image =>
            {
                var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in new[] { image, "stdout", "-l", "chi_sim", "--psm", "3" }) start.ArgumentList.Add(a);
                start.Environment["OMP_THREAD_LIMIT"] = "1";
                using var p = Process.Start(start)!;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
            });
            var cli = watch.Elapsed.TotalSeconds;
            var cliCpu = CpuTime.Children() - children0;

            output.WriteLine($"{docs.Count} documents, {pages} pages, {cores} cores, Tesseract {Native.Tesseract.TesseractOcrEngine.Version()}");
            output.WriteLine($"scan reader (deskew, grid, cells alone, rest of page): {ours / pages:0.00} s/page wall, {oursCpu / pages:0.00} CPU-s/page");
            output.WriteLine($"tesseract command (whole page, psm 3):                {cli / images.Count:0.00} s/page wall, {(cliCpu >= 0 ? $"{cliCpu / images.Count:0.00}" : "?")} CPU-s/page");
        }
        finally { dir.Delete(true); }
    }

    private static void WritePgm(string path, GrayImage image)
    {
        using var f = File.Create(path);
        f.Write(System.Text.Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n255\n"));
        f.Write(image.Pixels);
    }
}
