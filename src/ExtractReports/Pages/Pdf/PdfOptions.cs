namespace ExtractReports.Pages.Pdf;

/// <summary>Knobs of the poppler-based PDF page reader. Every default is documented where it is set.</summary>
public sealed record PdfOptions
{
    /// <summary>
    /// Folder holding poppler's tools (pdftotext, pdftoppm). Null: found on PATH
    /// (Debian's poppler-utils; on Windows a poppler build's Library/bin folder).
    /// </summary>
    public string? ToolsFolder { get; init; }

    /// <summary>
    /// Longest one poppler tool may run on one document before it is killed and the document
    /// fails with a timeout. 30 s: a 10-page report takes well under 0.1 s, so only a pathological
    /// or hostile file gets near it.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Resolution of the render that ruling lines are found in. 50 dpi (1.44 pt a pixel) places a
    /// ruling well within a cell's padding and costs about half of a 72 dpi render.
    /// </summary>
    public int RulingDpi { get; init; } = 50;

    /// <summary>
    /// A page is rendered for rulings only when it holds at least this many numbers standing alone
    /// in columns (space on both sides, unlike numbers in prose). 3: table 四's one row has fifteen,
    /// the smallest table 二 part three; prose pages have none.
    /// </summary>
    public int MinTableNumbers { get; init; } = 3;

    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("PdfOptions.Timeout must be positive");
        if (RulingDpi is < 20 or > 300) throw new ArgumentException("PdfOptions.RulingDpi must be within 20..300");
        if (MinTableNumbers < 0) throw new ArgumentException("PdfOptions.MinTableNumbers must not be negative");
    }
}
