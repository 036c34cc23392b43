using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using ExtractReports.Evaluation;

namespace ExtractReports.ScanMatrix;

/// <summary>A source PDF of the matrix and the truth of its fields (which a scan of it keeps).</summary>
public sealed record MatrixSource(string Name, string PdfPath, IReadOnlyList<(string Field, string Value)> Truth);

/// <summary>
/// A part of the matrix: every source under every condition, drawn with the part's seed. The tuned part
/// is the one looked at while changing the reader; the held-out part differs only by its seed (other
/// skews, light and noise) and is only ever measured, to say what users will see. A probe part (probe-N, seed N
/// above 2) is a further tuned part: when the held-out part fails where the tuned one passes, other draws of the
/// same conditions show the failure's class without anyone reading the held-out scans.
/// </summary>
public sealed record MatrixPart(string Name, int Seed)
{
    public static readonly MatrixPart Tuned = new("tuned", 1);
    public static readonly MatrixPart HeldOut = new("held-out", 2);
    public static MatrixPart Parse(string name) => name switch
    {
        "tuned" => Tuned,
        "held-out" => HeldOut,
        _ when name.StartsWith("probe-", StringComparison.Ordinal)
               && int.TryParse(name["probe-".Length..], out var seed) && seed > HeldOut.Seed => new(name, seed),
        _ => throw new ArgumentException($"unknown part {name} (tuned, held-out or probe-N with N > 2)"),
    };
}

public static class Matrix
{
    /// <summary>A scan's document name: the source's and the condition's (file names are document names).</summary>
    public static string DocumentName(string source, string condition, MatrixPart part) => $"{source}~{condition}~{part.Name}";

    /// <summary>
    /// The corpus's text PDFs and, when ../shared/real is beside the repository, the real report
    /// hzq2023_working.pdf (read from there on the fly, never copied into the project).
    /// </summary>
    public static IReadOnlyList<MatrixSource> Sources(string root)
    {
        var pdfDir = Path.Combine(root, "corpus", "pdf");
        var truth = ReadTruth(Path.Combine(pdfDir, "truth.csv"));
        var sources = Directory.GetFiles(pdfDir, "*.pdf").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => new MatrixSource(n, Path.Combine(pdfDir, n + ".pdf"), truth[n])).ToList();
        var real = Path.GetFullPath(Path.Combine(root, "..", "shared", "real"));
        var hzq = Path.Combine(real, "hzq2023_working.pdf");
        if (File.Exists(hzq) && ReadTruth(Path.Combine(real, "truth.csv")).TryGetValue("hzq2023_working", out var t))
            sources.Add(new MatrixSource("hzq2023_working", hzq, t));
        return sources;
    }

    private static Dictionary<string, List<(string, string)>> ReadTruth(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var byDoc = new Dictionary<string, List<(string, string)>>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var doc = csv.GetField("document")!;
            (byDoc.TryGetValue(doc, out var l) ? l : byDoc[doc] = []).Add((csv.GetField("field")!, csv.GetField("value") ?? ""));
        }
        return byDoc;
    }

    /// <summary>Scans each source under each condition into the folder (a PDF a document) and writes its truth.csv.</summary>
    public static void Render(string folder, IEnumerable<MatrixSource> sources, IEnumerable<ScanCondition> conditions, MatrixPart part,
        int parallelism)
    {
        Directory.CreateDirectory(folder);
        var jobs = sources.SelectMany(s => conditions.Select(c => (Source: s, Condition: c))).ToList();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, job =>
        {
            var name = DocumentName(job.Source.Name, job.Condition.Name, part);
            var pages = RenderPdf(job.Source.PdfPath, job.Condition.Dpi)
                .Select(p => Rulings.Redraw(p, job.Condition.Rulings))
                .Select((p, i) => Degrader.Scan(p, job.Condition, new Random(StableSeed(part.Seed, name, i)))).ToList();
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), Leptonica.Pdf(pages, job.Condition.Bilevel, job.Condition.JpegQuality, name));
        });
        using var writer = new StreamWriter(Path.Combine(folder, "truth.csv"));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("document"); csv.WriteField("field"); csv.WriteField("value"); csv.NextRecord();
        foreach (var (source, condition) in jobs)
            foreach (var (field, value) in source.Truth)
            {
                csv.WriteField(DocumentName(source.Name, condition.Name, part)); csv.WriteField(field); csv.WriteField(value);
                csv.NextRecord();
            }
    }

    /// <summary>FNV-1a of the part's seed, the document and the page: the same scan every run, on every machine.</summary>
    public static int StableSeed(int seed, string name, int page)
    {
        uint h = 2166136261;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{seed}|{name}|{page}")) { h ^= b; h *= 16777619; }
        return (int)(h & 0x7fffffff);
    }

    /// <summary>Every page of the PDF rendered in grey at the resolution (poppler's pdftoppm).</summary>
    public static List<GrayPage> RenderPdf(string pdf, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("scan-matrix-");
        try
        {
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", pdf, Path.Combine(dir.FullName, "p") })
                start.ArgumentList.Add(a);
            using (var p = Process.Start(start)!)
            {
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"pdftoppm failed on {pdf}: {err}");
            }
            // pdftoppm pads page numbers to the page count's width, so names sort in page order.
            return Directory.GetFiles(dir.FullName, "p-*.pgm").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => GrayPage.FromPnm(File.ReadAllBytes(f), dpi)).ToList();
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Scores per condition: the condition is the middle part of each document's name.</summary>
    public static IEnumerable<(string Condition, EvalReport Report)> ByCondition(EvalReport report) =>
        report.Comparisons.GroupBy(c => c.Document.Split('~')[1])
            .Select(g => (g.Key, new EvalReport(g.ToList(), report.ReviewThreshold)));
}
