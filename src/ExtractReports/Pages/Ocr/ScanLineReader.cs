using ExtractReports.Documents;
using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Reads scanned PDFs (and PDFs whose text layer the PDF reader gave up on) and page images with OCR:
/// each page through <see cref="ScanPageReader"/>, with an engine rented from a pool for the document.
/// </summary>
public sealed class ScanLineReader : ILineReader, IDisposable
{
    private readonly OcrOptions _options;
    private readonly ScanImageSource _source;
    private readonly ScanPageReader _pages;
    private readonly OcrEnginePool _pool;
    private readonly Action? _afterPage;

    /// <param name="afterPage">Called after each page is read, when its images are garbage (a batch gives the memory back
    /// there: a page's images and their masks are a few hundred megabytes), and within each page once the masks made for
    /// finding its tables are garbage, before its OCR (<see cref="ScanPageReader"/>); null: nothing.</param>
    public ScanLineReader(OcrOptions options, IPageImaging imaging, Func<IOcrEngine> createEngine, IGridFinder? gridFinder = null, Action? afterPage = null)
    {
        options.Validate();
        _options = options;
        _source = new ScanImageSource(options, imaging);
        _pages = new ScanPageReader(options, imaging, gridFinder ?? new RulingGridFinder(options), afterPage);
        _pool = new OcrEnginePool(createEngine, options.MaxEngines > 0 ? options.MaxEngines : Environment.ProcessorCount, options.KeepIdleEngines);
        _afterPage = afterPage;
    }

    public bool CanRead(SourceDocument document) => document.Kind is DocumentKind.PdfScan or DocumentKind.Image;

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        OcrEnginePool.Lease lease;
        try { lease = _pool.Rent(cancellation); }
        catch (TessdataMissingException e) { throw new DocumentReadException(e.Message, e); }
        using (lease)
        {
            var lines = new List<Line>();
            var notes = new List<string>();
            var turns = new List<int>();
            int pages = 0, tables = 0, borderless = 0;
            foreach (var image in _source.Pages(document, cancellation))
            {
                cancellation.ThrowIfCancellationRequested();
                pages++;
                var page = _pages.Read(image, lease.Engine, pages, cancellation);
                tables += page.Tables;
                borderless += page.BorderlessTables;
                turns.Add(page.TurnedDegrees);
                if (pages > 1) lines.Add(Line.Blank(pages));
                lines.AddRange(page.Lines.Select(l => l.Line));
                notes.Add(FormattableString.Invariant(
                    $"page {pages}: {page.Dpi} dpi, {(page.TurnedDegrees == 0 ? "" : $"turned back from {page.TurnedDegrees}°, ")}deskewed {page.SkewDegrees:0.00}°, {page.Tables} ruled table(s), {page.BorderlessTables} borderless, {page.Cells} cells read alone, {page.Legibility:P0} of its characters read sure"));
                _afterPage?.Invoke();
            }
            if (pages == 0) throw new DocumentReadException("the document has no pages");
            var method = tables > 0 ? "ocr-grid" : borderless > 0 ? "ocr-whitespace-grid" : "ocr-words";
            return new LineDocument(lines, method, pages, notes, Title(lines)) { PageTurns = turns.Any(t => t != 0) ? turns : null };
        }
    }

    /// <summary>The report's title: the first line of page 1, or its first two when the title wraps onto the second.</summary>
    private static string? Title(List<Line> lines)
    {
        var top = lines.Where(l => l.Page == 1 && !l.IsBlank).Take(2).ToList();
        int end = top.FindIndex(l => l.Text.Contains("报告"));
        return end < 0 ? null : OcrText.Join(top.Take(end + 1).Select(l => l.Text.Replace(" ", "")));
    }

    public void Dispose() => _pool.Dispose();
}
