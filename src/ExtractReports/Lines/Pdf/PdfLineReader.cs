using ExtractReports.Documents;
using ExtractReports.Lines.Geometry;
using ExtractReports.Pages;
using ExtractReports.Pages.Pdf;

namespace ExtractReports.Lines.Pdf;

/// <summary>When a PDF's table pages are rendered to find their ruling lines.</summary>
public enum PdfRulings
{
    /// <summary>Never: cells from gaps between words alone.</summary>
    Never,
    /// <summary>
    /// Cells from gaps first; the rulings are a <see cref="LineDocument.CloserReading"/> that the
    /// pipeline takes when the tables read from gaps leave doubt (see docs/pdf-reader.md).
    /// </summary>
    WhenInDoubt,
    /// <summary>Always, before the lines are built.</summary>
    Always,
}

/// <summary>Knobs of <see cref="PdfLineReader"/>.</summary>
public sealed record PdfLineReaderOptions
{
    public PdfOptions Pdf { get; init; } = new();
    public GeometryOptions Geometry { get; init; } = new();
    public TextLayerOptions TextLayer { get; init; } = new();

    /// <summary>
    /// When ruling lines are rendered. <see cref="PdfRulings.WhenInDoubt"/> by default: the render
    /// costs about twice poppler's text extraction, and the gaps between words read most tables
    /// right; where they leave doubt the closer reading restores exactly the ruled one.
    /// </summary>
    public PdfRulings Rulings { get; init; } = PdfRulings.WhenInDoubt;

    /// <summary>
    /// The library that reads the text layer first. <see cref="PdfLibrary.PdfPig"/> by default: in
    /// process, no child process a document, ruling lines from the vector paths instead of a render.
    /// Poppler is the second try on a file the first refuses (see docs/pdf-reader.md).
    /// </summary>
    public PdfLibrary Library { get; init; } = PdfLibrary.PdfPig;
}

/// <summary>Which library reads a PDF's text layer first.</summary>
public enum PdfLibrary { PdfPig, Poppler }

/// <summary>
/// Reads text-layer PDFs: words and rulings (<see cref="PdfPigPageReader"/>, or poppler's
/// <see cref="PopplerPageReader"/> when PdfPig refuses the file and poppler reads it) become lines
/// of cells (<see cref="GeometryLineBuilder"/>). A PDF that opens without a password reads normally
/// even when encrypted; one that needs a password is a <see cref="DocumentReadException"/>; one
/// without a usable text layer (no text, or text without a Unicode map) is a
/// <see cref="NeedsOcrException"/> so that OCR reads it instead.
/// </summary>
public sealed class PdfLineReader : ILineReader
{
    private readonly PdfLineReaderOptions options;
    private readonly IPdfPageReader first, second;
    private readonly IPageLineBuilder builder;

    public PdfLineReader(PdfLineReaderOptions? options = null)
    {
        this.options = options ?? new PdfLineReaderOptions();
        IPdfPageReader pig = new PdfPigPageReader(this.options.Pdf), poppler = new PopplerPageReader(this.options.Pdf);
        (first, second) = this.options.Library == PdfLibrary.PdfPig ? (pig, poppler) : (poppler, pig);
        builder = new GeometryLineBuilder(this.options.Geometry);
    }

    /// <summary>With given page readers: the first tried, the second when the first refuses a file (tests).</summary>
    internal PdfLineReader(PdfLineReaderOptions options, IPdfPageReader first, IPdfPageReader second)
    {
        this.options = options;
        (this.first, this.second) = (first, second);
        builder = new GeometryLineBuilder(options.Geometry);
    }

    public bool CanRead(SourceDocument document) => document.Kind == DocumentKind.PdfText;

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        var (pages, words) = ReadWords(document.Bytes, cancellation);
        var verdict = TextLayer.Check(words.Pages, options.TextLayer);
        if (verdict is not null) throw new NeedsOcrException(verdict);

        // Lines built for each page: a page the closer reading gives no rulings is the same page
        // (AddRulings hands it back as it was), so its lines are not built again.
        var built = new Dictionary<Page, IReadOnlyList<Line>>(ReferenceEqualityComparer.Instance);
        LineDocument WithRulings(IReadOnlySet<int>? only, CancellationToken c) => Lines(Guarded(() => pages.AddRulings(document.Bytes, words, only, c)), pages, built, c);
        return options.Rulings switch
        {
            PdfRulings.Always => WithRulings(null, cancellation),
            PdfRulings.WhenInDoubt => Lines(words, pages, built, cancellation) with { CloserReading = WithRulings },
            _ => Lines(words, pages, built, cancellation),
        };
    }

    /// <summary>
    /// The words from the first library; from the second when the first refuses the file as damaged
    /// (a note says so). A password, a timeout or the second library's refusal as well is the
    /// document's error, with the first library's message.
    /// </summary>
    private (IPdfPageReader Reader, PdfPages Words) ReadWords(byte[] pdf, CancellationToken cancellation)
    {
        try { return (first, first.ReadWords(pdf, cancellation)); }
        catch (PdfReadException e) when (e.Failure == PdfFailure.Damaged)
        {
            PdfPages words;
            try { words = second.ReadWords(pdf, cancellation); }
            catch (PdfReadException) { throw new DocumentReadException(e.Message, e); }
            var note = $"{first.Library} could not read this PDF ({e.Message}); read with {second.Library} instead";
            return (second, words with { Diagnostics = [note, .. words.Diagnostics] });
        }
        catch (PdfReadException e) { throw new DocumentReadException(e.Message, e); }
    }

    private static PdfPages Guarded(Func<PdfPages> read)
    {
        try { return read(); }
        catch (PdfReadException e) { throw new DocumentReadException(e.Message, e); }
    }

    private LineDocument Lines(PdfPages read, IPdfPageReader reader, Dictionary<Page, IReadOnlyList<Line>> known, CancellationToken cancellation)
    {
        var built = new List<(Page, IReadOnlyList<Line>)>();
        foreach (var page in read.Pages)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!known.TryGetValue(page, out var pageLines)) known[page] = pageLines = builder.Build(page);
            built.Add((page, pageLines));
        }
        var lines = new List<Line>();
        foreach (var (page, kept) in built.Zip(RunningMargins.Drop(built), (b, k) => (b.Item1, k)))
        {
            lines.AddRange(kept);
            lines.Add(Line.Blank(page.Number)); // a page break is a paragraph break
        }
        var notes = read.Diagnostics.ToList();
        if (read.Encrypted) notes.Add("the PDF is encrypted but opens without a password; read normally");
        var ruled = read.Pages.Count(p => p.Rulings.Count > 0);
        var method = ruled > 0 ? $"pdf-text ({reader.Library} words, rulings)" : $"pdf-text ({reader.Library} words)";
        // No title: the table stage finds it in the lines (it may wrap over several).
        return new LineDocument(lines, method, Math.Max(1, read.Pages.Count), notes);
    }
}
