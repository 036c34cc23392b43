using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ExtractReports.Benchmarks;

/// <summary>
/// The nightly batch at scale: `extract` run as its own process (as cron runs it) on generated mixed
/// batches of 1,000 and 10,000 documents (variants of corpus text dumps, HTML pages, text PDFs and a
/// few page images, each made unique so none is deduplicated by hash). It reports documents per
/// second, the process's peak memory (VmHWM, polled), the store's bytes per document, and an
/// unchanged rerun's time against the first run's. The batch is made in a temporary folder and
/// deleted after; nothing is committed. `BENCH_BATCH_SIZES=1000,10000` changes the sizes, `BENCH_CLI` the program measured.
/// </summary>
public sealed class BatchBenchmark : IBenchmark
{
    public string Name => "batch";
    public string Description => "extract at scale: docs/s, peak memory 1,000 vs 10,000, store bytes/doc, unchanged rerun vs first run";

    /// <summary>
    /// Share of each kind in a batch: mostly text and HTML as agency sites publish them, some text
    /// PDFs, a few scans. Every corpus file of a kind is copied at least once, so the smaller batch
    /// holds the same heaviest documents (the four-page TIFF scan) as the larger: peak memory is then
    /// compared on the same documents, more of them. Scans are the page images (PNG, JPEG, TIFF);
    /// the scanned PDFs' 75 pages of OCR would take most of the benchmark's time on a 2-core machine.
    /// </summary>
    private static readonly (string Folder, string[] Extensions, double Share)[] Mix =
    [
        ("seeds", [".txt"], 0.20), ("text", [".txt", ".md"], 0.30), ("html", [".html", ".htm", ".shtml"], 0.466),
        ("pdf", [".pdf"], 0.03), ("scan", [".png", ".jpg", ".tiff"], 0.004),
    ];

    public void Run(string root, TextWriter output)
    {
        var sizes = (Environment.GetEnvironmentVariable("BENCH_BATCH_SIZES") ?? "1000,10000").Split(',').Select(int.Parse).ToList();
        var cli = Environment.GetEnvironmentVariable("BENCH_CLI") ?? Path.Combine(root, "src", "ExtractReports.Cli", "bin", "Release", "net10.0", "ExtractReports.Cli.dll");
        if (!File.Exists(cli)) throw new InvalidOperationException($"build first: {cli} not found");
        output.WriteLine($"  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        foreach (var requested in sizes)
        {
            int size = requested;
            var dir = Directory.CreateTempSubdirectory("er-batch-").FullName;
            try
            {
                var input = Path.Combine(dir, "in");
                var made = Generate(root, input, size);
                size = made.Values.Sum();
                output.WriteLine($"  {size} documents: {string.Join(", ", made.Select(m => $"{m.Value} {m.Key}"))}");
                var outDir = Path.Combine(dir, "out");
                var first = RunExtract(cli, input, outDir);
                var store = new FileInfo(Path.Combine(outDir, "extractreports.db")).Length
                            + (File.Exists(Path.Combine(outDir, "extractreports.db-wal")) ? new FileInfo(Path.Combine(outDir, "extractreports.db-wal")).Length : 0);
                var rerun = RunExtract(cli, input, outDir);
                var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run.json"))).RootElement;
                output.WriteLine($"    first run:  {first.Seconds:0.0} s wall, {size / first.Seconds:0.0} docs/s, CPU {first.CpuSeconds:0.0} s ({size / Math.Max(0.01, first.CpuSeconds):0.0} docs per CPU-second), peak memory {first.PeakMb:0} MB, exit {first.ExitCode}");
                output.WriteLine($"    store:      {store / 1024.0 / size:0.0} KB a document ({store / 1048576.0:0.0} MB)");
                output.WriteLine($"    unchanged rerun: {rerun.Seconds:0.00} s wall = {rerun.Seconds / first.Seconds:0.000}x the first run (CPU {rerun.CpuSeconds:0.00} s = {rerun.CpuSeconds / Math.Max(0.01, first.CpuSeconds):0.000}x), peak memory {rerun.PeakMb:0} MB, " +
                                 $"outputs_unchanged {summary.GetProperty("outputs_unchanged")}, reused {summary.GetProperty("reused")}");
                // One input changed: the batch runs again (reused results, one extraction, CSVs rewritten).
                var one = Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).First();
                File.AppendAllText(one, "\n");
                var changed = RunExtract(cli, input, outDir);
                output.WriteLine($"    rerun with one input changed: {changed.Seconds:0.00} s wall = {changed.Seconds / first.Seconds:0.000}x the first run (CPU {changed.CpuSeconds / Math.Max(0.01, first.CpuSeconds):0.000}x), peak memory {changed.PeakMb:0} MB");
            }
            finally { Directory.Delete(dir, true); }
            output.WriteLine($"    load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after this size");
        }
    }

    private sealed record Measured(double Seconds, double CpuSeconds, double PeakMb, int ExitCode);

    /// <summary>Runs `extract` in its own process, polling its peak resident memory (VmHWM) until it exits.</summary>
    private static Measured RunExtract(string cli, string input, string outDir)
    {
        var start = new ProcessStartInfo("dotnet", [cli, "extract", input, "--out", outDir])
        { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        p.ErrorDataReceived += (_, _) => { };
        p.OutputDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        long peakKb = 0, cpuTicks = 0;
        while (!p.WaitForExit(50))
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{p.Id}/status"))
                    if (line.StartsWith("VmHWM:")) peakKb = Math.Max(peakKb, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
                // utime, stime, and those of waited-for children (poppler): fields 14-17 after the command name.
                var stat = File.ReadAllText($"/proc/{p.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                cpuTicks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i]));
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException) { }
        }
        p.WaitForExit();
        watch.Stop();
        // CPU time to the last poll (within 50 ms of the end), at the kernel's 100 ticks a second.
        return new Measured(watch.Elapsed.TotalSeconds, cpuTicks / 100.0, peakKb / 1024.0, p.ExitCode);
    }

    /// <summary>Writes <paramref name="count"/> unique documents: corpus files of each kind, each copy with a marker that changes its bytes and not its tables.</summary>
    private static Dictionary<string, int> Generate(string root, string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var made = new Dictionary<string, int>();
        foreach (var (kind, extensions, share) in Mix)
        {
            var sources = Directory.EnumerateFiles(Path.Combine(root, "corpus", kind))
                .Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList();
            int n = Math.Max(sources.Count, (int)Math.Round(count * share));
            for (int i = 0; i < n; i++)
            {
                var source = sources[i % sources.Count];
                var bytes = File.ReadAllBytes(source);
                var ext = Path.GetExtension(source);
                // ASCII markers keep GBK text valid; PNG/JPEG/PDF readers ignore bytes after the end of the file.
                var marker = ext is ".html" or ".htm" or ".shtml" ? $"\n<!-- copy {i} -->\n" : ext is ".txt" or ".md" ? $"\n\ncopy {i}\n" : $"\n%copy {i}\n";
                var target = Path.Combine(folder, kind, $"{Path.GetFileNameWithoutExtension(source)}-{i:D5}{ext}");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var file = File.Create(target);
                file.Write(bytes);
                file.Write(Encoding.ASCII.GetBytes(marker));
            }
            made[kind] = n;
        }
        return made;
    }
}
