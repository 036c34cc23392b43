using ExtractReports.Pages;

namespace ExtractReports.Lines;

/// <summary>
/// One cell of a line: its text as printed, and where it is known its box and the reading
/// engine's confidence (OCR) in [0,1].
/// </summary>
public sealed record Cell(string Text, Box? Box = null, double Confidence = 1.0)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text.Replace('\u00a0', ' '));
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
}

/// <summary>
/// Reads a document again, closer, where the first reading left doubt: on <paramref name="pages"/>
/// (null: every page); other pages may stay as first read. It throws only for cancellation or a
/// <see cref="DocumentReadException"/>.
/// </summary>
public delegate LineDocument CloserReading(IReadOnlySet<int>? pages, CancellationToken cancellation);
