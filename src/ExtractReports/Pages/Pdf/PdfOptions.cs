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

    /// <summary>
    /// A word's box reaches this share of its font size above the baseline: 0.95, poppler's value
    /// for fonts that state no ascent, which is what it reports for the CJK fonts of our reports,
    /// so word heights (the "em" the line builder measures gaps in) match poppler's.
    /// </summary>
    public double Ascent { get; init; } = 0.95;

    /// <summary>And this share below it: 0.35, poppler's value likewise.</summary>
    public double Descent { get; init; } = 0.35;

    /// <summary>
    /// A gap wider than this share of the font size between two letters of a line starts a new
    /// word: 0.1, poppler's <c>minWordBreakSpace</c>. (A space character always does.)
    /// </summary>
    public double WordBreakGap { get; init; } = 0.1;

    /// <summary>Letters whose baselines are within this share of their font size are on one line. 0.2: a subscript sits lower.</summary>
    public double BaselineTolerance { get; init; } = 0.2;

    /// <summary>
    /// A page is turned when at least this share of its characters run one way other than left to
    /// right. 0.6, as for poppler's words: vertical labels in narrow cells stay a minority.
    /// </summary>
    public double TurnShare { get; init; } = 0.6;

    /// <summary>A path segment shorter than this (points) is no ruling. 3: shorter strokes are glyph parts and ticks; short cell edges are kept for the grid to join.</summary>
    public double MinRulingLength { get; init; } = 3;

    /// <summary>A filled rectangle thicker than this (points) is a block, not a line. 4.3, the raster finder's 3 pixels at 50 dpi.</summary>
    public double MaxRulingThickness { get; init; } = 4.3;

    /// <summary>Hairlines (line width 0) are drawn one device pixel wide; they are given this thickness (points). 0.5.</summary>
    public double MinRulingThickness { get; init; } = 0.5;

    /// <summary>
    /// Lines lighter than this (luminance 0 black .. 1 white) are not rulings: 0.63, the raster
    /// finder's dark threshold of 160/255, so pale shading and white backgrounds stay out.
    /// </summary>
    public double MaxRulingLightness { get; init; } = 0.63;

    /// <summary>
    /// Leave embedded Type1 font programs unparsed when the font's text and widths come from its
    /// dictionary (<see cref="UnparsedFontPrograms"/>). True: the letters and words are the same
    /// (checked on every PDF of the corpus) at about half of PdfPig's time; false parses them all,
    /// as PdfPig does by default (kept for that comparison).
    /// </summary>
    public bool SkipFontPrograms { get; init; } = true;

    public void Validate()
    {
        if (Ascent <= 0 || Descent < 0 || WordBreakGap <= 0 || BaselineTolerance <= 0) throw new ArgumentException("PdfOptions: letter metrics must be positive");
        if (TurnShare is <= 0.5 or > 1) throw new ArgumentException("PdfOptions.TurnShare must be in (0.5,1]");
        if (MinRulingLength < 0 || MaxRulingThickness <= 0 || MinRulingThickness <= 0) throw new ArgumentException("PdfOptions: ruling sizes must be positive");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("PdfOptions.Timeout must be positive");
        if (RulingDpi is < 20 or > 300) throw new ArgumentException("PdfOptions.RulingDpi must be within 20..300");
        if (MinTableNumbers < 0) throw new ArgumentException("PdfOptions.MinTableNumbers must not be negative");
    }
}
