using ExtractReports.Documents;
using ExtractReports.Lines.Geometry;
using ExtractReports.Pages;
using ExtractReports.Pages.Pdf;

namespace ExtractReports.Lines.Pdf;

/// <summary>Knobs of <see cref="PdfLineReader"/>.</summary>
public sealed record PdfLineReaderOptions
{
    public PdfOptions Pdf { get; init; } = new();
    public GeometryOptions Geometry { get; init; } = new();
    public TextLayerOptions TextLayer { get; init; } = new();
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
        PdfPages read;
        try { read = pages.Read(document.Bytes, cancellation); }
        catch (PdfReadException e) { throw new DocumentReadException(e.Message, e); }

        var verdict = TextLayer.Check(read.Pages, options.TextLayer);
        if (verdict is not null) throw new NeedsOcrException(verdict);

        var lines = new List<Line>();
        foreach (var page in read.Pages)
        {
            cancellation.ThrowIfCancellationRequested();
            lines.AddRange(builder.Build(page));
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
