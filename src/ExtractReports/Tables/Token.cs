using ExtractReports.Lines;
using ExtractReports.Pages;

namespace ExtractReports.Tables;

public enum TokenKind
{
    /// <summary>Label or prose text (normalized in <see cref="Token.Norm"/>).</summary>
    Text,
    /// <summary>A number, or a run of digits that may hold several numbers whose boundaries were lost.</summary>
    Number,
    /// <summary>An empty cell or a placeholder (—, -, /, 无) in a delimited row.</summary>
    Blank,
    /// <summary>A delimited cell holding a sentence rather than a number (kept as a text value).</summary>
    Sentence,
}

/// <summary>
/// The smallest unit the table reader aligns: a piece of a cell. <see cref="Atomic"/> numbers came
/// from a whole delimited cell and hold exactly one number; others are digit runs to decode.
/// </summary>
public sealed record Token(
    TokenKind Kind,
    string Raw,
    string Norm,
    int Line,
    int Cell,
    int Page,
    Box? Box,
    double Confidence,
    bool Atomic = false,
    string? Note = null,
    bool Placeholder = false)
{
    /// <summary>How the OCR engine read the token's cell (null: a text layer).</summary>
    public GlyphEvidence? Glyphs { get; init; }

    /// <summary>An empty cell or placeholder known to be blank: a placeholder mark was read, the cell is a text layer's (its
    /// characters are stored), or OCR looked at the cell and saw it empty (<see cref="GlyphEvidence.SeenEmpty"/>).</summary>
    /// <summary>The rest of the token's row was looked at and is empty (<see cref="Cell.RowSeenEmptyAfter"/>).</summary>
    public bool RowSeenEmptyAfter { get; init; }

    public bool SeenBlank => Kind == TokenKind.Blank && (Placeholder || Glyphs is null || Glyphs.SeenEmpty);

    public override string ToString() => $"{Kind}:{Raw}@{Line}.{Cell}";
}
