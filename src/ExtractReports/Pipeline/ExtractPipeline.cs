using System.Diagnostics;
using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Lines;
using ExtractReports.Lines.Script;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Tables;

namespace ExtractReports.Pipeline;

/// <summary>
/// The whole flow for one document: read lines (the first reader that claims the kind), reconstruct
/// the tables, map fields, check identities, score. The only place that catches: any failure
/// becomes the document's error row and the batch goes on.
/// </summary>
public sealed class ExtractPipeline
{
    private readonly IReadOnlyList<ILineReader> _readers;
    private readonly ReportReader _tables;
    private readonly IConfidenceModel _model;
    private readonly StandardSchema _schema;

    /// <summary>
    /// Identifies what this pipeline would extract: the build of every assembly it runs and its model.
    /// Stored results are reused only under the same version.
    /// </summary>
    public string Version { get; }

    internal ExtractPipeline(IReadOnlyList<ILineReader> readers, ReportReader tables, IConfidenceModel model, StandardSchema schema, string version)
    {
        Version = version;
        _readers = readers;
        _tables = tables;
        _model = model;
        _schema = schema;
    }

    public DocumentResult Run(string path, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        SourceDocument doc;
        try { doc = SourceDocument.FromFile(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, Path.GetFileNameWithoutExtension(path), "", DocumentKind.Unknown, DocumentStatus.Error, $"cannot read the file: {e.Message}", watch);
        }
        return Run(doc, watch, cancellation);
    }

    public DocumentResult Run(SourceDocument doc, CancellationToken cancellation = default) => Run(doc, Stopwatch.StartNew(), cancellation);

    private DocumentResult Run(SourceDocument doc, Stopwatch watch, CancellationToken cancellation)
    {
        try
        {
            if (doc.Kind == DocumentKind.Empty) return Failed(doc, DocumentStatus.Error, "the file is empty", watch);
            var (lines, kind, read) = ReadTables(doc, cancellation);
            var reading = read.Reading;
            if (read is not { Set: { } set, Checked: { } checkedFields })
                return Failed(doc with { Kind = kind }, DocumentStatus.NotAReport,
                    "no statistical table of a 政府信息公开工作年度报告 was found (no 第二十条 / 本年新收 / 行政复议 tables)", watch, lines.Pages);

            var confidences = DoubtCaps.Apply(checkedFields.Fields, _model.Score(new ScoringDocument(kind, checkedFields.Fields, checkedFields.Checks)));
            var scored = checkedFields.Fields.Select((f, i) => new ScoredField(f, Math.Round(confidences[i], 4))).ToList();
            int missing = scored.Count(s => s.Field.Status == FieldStatus.Missing);
            var status = reading.T2 is null || reading.T3 is null || reading.T4 is null || missing > 0 ? DocumentStatus.Partial : DocumentStatus.Ok;
            var message = status == DocumentStatus.Ok ? "" : Describe(reading, missing);
            return new DocumentResult(doc.Path, doc.Name, doc.Sha256, kind, status, message, set.FormatName,
                read.Meta.Agency ?? "", read.Meta.Year ?? "", lines.Pages, lines.Method, scored, checkedFields.Checks, watch.Elapsed, lines.PageTurns);
        }
        catch (OperationCanceledException) { throw; }
        catch (DocumentReadException e) { return Failed(doc, DocumentStatus.Error, e.Message, watch); }
        catch (Exception e) { return Failed(doc, DocumentStatus.Error, $"internal error ({e.GetType().Name}): {e.Message}", watch); }
    }

    /// <summary>The lines of cells a document is read as (for `inspect`): what the table reader saw, the closer reading if it was taken.</summary>
    public LineDocument Lines(SourceDocument doc, CancellationToken cancellation = default) => ReadTables(doc, cancellation).Lines;

    /// <summary>Tables, fields and checks read from one reading of a document; no fields when no table was found.</summary>
    private sealed record Interpretation(ReportReading Reading, ReportMeta Meta, FieldSet? Set, CheckedFields? Checked);

    /// <summary>
    /// Reads the lines and the tables in them. When the reader offers a closer reading and the
    /// tables leave doubt (<see cref="ReadingDoubt"/>), the document is read again, closer, and
    /// that reading is kept; if the closer reading fails, the first stands.
    /// </summary>
    private (LineDocument Lines, DocumentKind Kind, Interpretation Read) ReadTables(SourceDocument doc, CancellationToken cancellation)
    {
        var (lines, kind) = ReadLines(doc, cancellation);
        var read = Interpret(lines, kind);
        if (lines.CloserReading is { } closer && ReadingDoubt.Of(read.Reading, read.Checked) is { } doubt)
        {
            LineDocument? again = null;
            try { again = closer(doubt.Pages, cancellation); }
            catch (DocumentReadException) { } // the first reading is a reading too
            if (again is not null)
            {
                var where = doubt.Pages is null ? "every page" : "page " + string.Join(", ", doubt.Pages.Order());
                lines = again with { Diagnostics = [.. again.Notes, $"read again with {again.Method} ({where}): {doubt.Reason}"] };
                read = Interpret(lines, kind);
            }
        }
        return (lines, kind, read);
    }

    private Interpretation Interpret(LineDocument lines, DocumentKind kind)
    {
        lines = TraditionalScript.Simplify(lines);
        var reading = _tables.Read(lines);
        if (reading.T3 is null && reading.T2 is null && reading.T4 is null) return new Interpretation(reading, new ReportMeta(null, null, null), null, null);
        var meta = MetaExtractor.Extract(lines, fromOcr: kind is DocumentKind.PdfScan or DocumentKind.Image);
        var set = FieldMapper.Map(reading, meta, _schema);
        if (kind is DocumentKind.PdfScan or DocumentKind.Image)
            set = set with { Fields = set.Fields.Select(f => f with { Features = f.Features with { FromOcr = true } }).ToList() };
        set = IdentityRepair.Repair(set);
        return new Interpretation(reading, meta, set, IdentityChecker.Check(set));
    }

    private (LineDocument Lines, DocumentKind Kind) ReadLines(SourceDocument doc, CancellationToken cancellation)
    {
        var reader = _readers.FirstOrDefault(r => r.CanRead(doc))
                     ?? throw new DocumentReadException(NoReaderMessage(doc));
        try { return (reader.Read(doc, cancellation), doc.Kind); }
        catch (NeedsOcrException e)
        {
            var scan = doc with { Kind = DocumentKind.PdfScan };
            var ocr = _readers.FirstOrDefault(r => r.CanRead(scan))
                      ?? throw new DocumentReadException($"{e.Message}; it needs OCR, and no OCR reader is configured");
            return (ocr.Read(scan, cancellation), DocumentKind.PdfScan);
        }
    }

    private static string NoReaderMessage(SourceDocument doc) => doc.Kind switch
    {
        DocumentKind.Binary => "not a document this program reads (binary data that is not PDF, an image, HTML, DOCX or text)",
        _ => $"no reader for {doc.Kind.Name()} documents is configured",
    };

    private static string Describe(ReportReading r, int missing)
    {
        var absent = new List<string>();
        if (r.T2 is null) absent.Add("table 二");
        if (r.T3 is null) absent.Add("table 三");
        if (r.T4 is null) absent.Add("table 四");
        var parts = new List<string>();
        if (absent.Count > 0) parts.Add($"not found: {string.Join(", ", absent)}");
        if (missing > 0) parts.Add($"{missing} fields missing (rows absent or unreadable)");
        return string.Join("; ", parts);
    }

    private static DocumentResult Failed(SourceDocument doc, DocumentStatus status, string message, Stopwatch watch, int pages = 0) =>
        Failed(doc.Path, doc.Name, doc.Sha256, doc.Kind, status, message, watch, pages);

    private static DocumentResult Failed(string path, string name, string sha, DocumentKind kind, DocumentStatus status, string message, Stopwatch watch, int pages = 0) =>
        new(path, name, sha, kind, status, message, "", "", "", pages, "", [], [], watch.Elapsed);
}
