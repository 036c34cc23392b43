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
}

/// <summary>
/// Reads text-layer PDFs: poppler's words and rulings (<see cref="PopplerPageReader"/>) become lines
/// of cells (<see cref="GeometryLineBuilder"/>). A PDF that opens without a password reads normally
/// even when encrypted; one that needs a password is a <see cref="DocumentReadException"/>; one
/// without a usable text layer (no text, or text without a Unicode map) is a
/// <see cref="NeedsOcrException"/> so that OCR reads it instead.
/// </summary>
public sealed class PdfLineReader : ILineReader
{
    private readonly PdfLineReaderOptions options;
    private readonly PopplerPageReader pages;
    private readonly IPageLineBuilder builder;

    public PdfLineReader(PdfLineReaderOptions? options = null)
    {
        this.options = options ?? new PdfLineReaderOptions();
        pages = new PopplerPageReader(this.options.Pdf);
        builder = new GeometryLineBuilder(this.options.Geometry);
    }

    public bool CanRead(SourceDocument document) => document.Kind == DocumentKind.PdfText;

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        var words = Poppler(() => pages.ReadWords(document.Bytes, cancellation));
        var verdict = TextLayer.Check(words.Pages, options.TextLayer);
        if (verdict is not null) throw new NeedsOcrException(verdict);

        LineDocument WithRulings(IReadOnlySet<int>? only, CancellationToken c) => Lines(Poppler(() => pages.AddRulings(document.Bytes, words, only, c)), c);
        return options.Rulings switch
        {
            PdfRulings.Always => WithRulings(null, cancellation),
            PdfRulings.WhenInDoubt => Lines(words, cancellation) with { CloserReading = WithRulings },
            _ => Lines(words, cancellation),
        };
    }

    private static PdfPages Poppler(Func<PdfPages> read)
    {
        try { return read(); }
        catch (PdfReadException e) { throw new DocumentReadException(e.Message, e); }
    }

    private LineDocument Lines(PdfPages read, CancellationToken cancellation)
    {
        var built = new List<(Page, IReadOnlyList<Line>)>();
        foreach (var page in read.Pages)
        {
            cancellation.ThrowIfCancellationRequested();
            built.Add((page, builder.Build(page)));
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
        var method = ruled > 0 ? "pdf-text (poppler words, rulings)" : "pdf-text (poppler words)";
        // No title: the table stage finds it in the lines (it may wrap over several).
        return new LineDocument(lines, method, Math.Max(1, read.Pages.Count), notes);
    }
}
