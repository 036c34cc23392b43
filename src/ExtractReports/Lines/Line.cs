using ExtractReports.Pages;

namespace ExtractReports.Lines;

/// <summary>
/// One cell of a line: its text as printed, and where it is known its box and the reading
/// engine's confidence (OCR) in [0,1].
/// </summary>
public sealed record Cell(string Text, Box? Box = null, double Confidence = 1.0)
{
    /// <summary>How the OCR engine read the cell's glyphs (null: a text layer, which stores its characters exactly).</summary>
    public GlyphEvidence? Glyphs { get; init; }

    /// <summary>The rest of the cell's row, across its table's value columns, was looked at on the page and is empty (OCR: a
    /// borderless row's label whose row has no cells, see <c>Pages/Ocr/BorderlessBlankRows</c>); false when not looked at.</summary>
    public bool RowSeenEmptyAfter { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text.Replace('\u00a0', ' '));
}

/// <summary>
/// How an OCR engine read one cell, for the confidence model: the least confidence of any character
/// read, how many times the cell was read and whether every read gave the value kept, how many glyphs
/// its ink holds (0: not counted, as in a text cell) against how many digits were read, whether ink
/// read as nothing, and whether the page was enlarged from a low resolution. A cell of a text layer has
/// none: its characters are stored, not guessed, which the features read as a perfectly sure reading.
/// </summary>
public sealed record GlyphEvidence(double LeastGlyphConfidence, int Reads, bool ReadsAgree, int InkGlyphs, int DigitsRead, bool InkUnread, bool LowResolution)
{
    /// <summary>The cell was looked at and is empty: no text ink, and the page as scanned shows no faint ink there either.
    /// A blank read without this (a cell the grid never had, a row whose digits were never looked at) is a guess.</summary>
    public bool SeenEmpty { get; init; }
}

/// <summary>
/// A row of cells: a tab row, a pipe row, an HTML &lt;tr&gt;, a PDF line of words, an OCR line.
/// <see cref="Delimited"/> says the cell boundaries are real (a tab, a pipe, a table cell, a gap
/// between words), so a cell holding only a number holds exactly one number.
/// A blank line has no cells; runs of blank lines mark blank cells in one-cell-per-line dumps.
/// </summary>
public sealed record Line(IReadOnlyList<Cell> Cells, int Page = 1, bool Delimited = false)
{
    public bool IsBlank => Cells.All(c => c.IsBlank);
    public string Text => string.Join(" ", Cells.Select(c => c.Text));
    public static Line Blank(int page = 1) => new([], page);
}

/// <summary>
/// Every input kind meets here: a document as a stream of lines of cells, with the method that
/// produced them and anything a person should know about how they were read.
/// </summary>
public sealed record LineDocument(
    IReadOnlyList<Line> Lines,
    string Method,
    int Pages = 1,
    IReadOnlyList<string>? Diagnostics = null,
    string? Title = null)
{
    public IReadOnlyList<string> Notes => Diagnostics ?? [];

    /// <summary>
    /// A closer, costlier reading of the same document, for the pipeline to take when the tables
    /// read from this one leave doubt (a PDF read from word gaps offers one with its ruling lines
    /// rendered); null when the reader has none.
    /// </summary>
    public CloserReading? CloserReading { get; init; }

    /// <summary>How far each page lay turned clockwise as scanned (0, 90, 180, 270), page 1 first; null when every
    /// page lay upright or the reader does not turn pages. The boxes of a turned page's lines are in the page turned back.</summary>
    public IReadOnlyList<int>? PageTurns { get; init; }
}

/// <summary>
/// Reads a document again, closer, where the first reading left doubt: on <paramref name="pages"/>
/// (null: every page); other pages may stay as first read. It throws only for cancellation or a
/// <see cref="DocumentReadException"/>.
/// </summary>
public delegate LineDocument CloserReading(IReadOnlySet<int>? pages, CancellationToken cancellation);
