namespace ExtractReports.Lines.Geometry;

/// <summary>
/// Knobs of <see cref="GeometryLineBuilder"/>. Lengths relative to text are in "em": the height of
/// the text concerned, so the same defaults serve 9 pt table text and 16 pt titles.
/// </summary>
public sealed record GeometryOptions
{
    /// <summary>Two words share a line when their vertical overlap is at least this share of the smaller height. 0.5.</summary>
    public double LineOverlap { get; init; } = 0.5;

    /// <summary>
    /// A horizontal gap wider than this (em) between two words of a line starts a new cell. 0.8:
    /// table columns are two em and more apart; words of a label are split by poppler at font
    /// changes with no gap at all, and justified text spreads them by up to half an em.
    /// </summary>
    public double CellGap { get; init; } = 0.8;

    /// <summary>
    /// Without rulings, a line of label text joins a neighbouring row of numbers (a label wrapped
    /// over several lines) only when the vertical gap between them is at most this (em). 0.6: a
    /// wrapped line sits closer than that, a new paragraph or a title further.
    /// </summary>
    public double WrapGap { get; init; } = 0.6;

    /// <summary>
    /// Vertical text (an Identity-V font, or one character per line in a narrow cell): characters
    /// stacked with at most this gap (em) are one word read top to bottom. 0.35.
    /// </summary>
    public double VerticalGap { get; init; } = 0.35;

    /// <summary>How far (points) a ruling may miss a word, a cell corner or another ruling. 2 pt, more than a 50 dpi pixel.</summary>
    public double RulingTolerance { get; init; } = 2.0;

    /// <summary>
    /// Share of the page height at the top and at the bottom where a line holding only a page number
    /// (<c>— 3 —</c>, <c>-3-</c>, <c>第3页</c>) is dropped as a header or footer. 0.12.
    /// </summary>
    public double MarginShare { get; init; } = 0.12;

    public void Validate()
    {
        if (LineOverlap is <= 0 or > 1) throw new ArgumentException("GeometryOptions.LineOverlap must be in (0,1]");
        if (CellGap <= 0 || WrapGap < 0 || VerticalGap < 0 || RulingTolerance < 0)
            throw new ArgumentException("GeometryOptions: gaps and tolerances must not be negative");
        if (MarginShare is < 0 or > 0.5) throw new ArgumentException("GeometryOptions.MarginShare must be in [0,0.5]");
    }
}
