using ExtractReports.Lines;
using ExtractReports.Pages;

namespace ExtractReports.Fields;

/// <summary>The output contract's field statuses.</summary>
public enum FieldStatus { Ok, Blank, Text, Inferred, Missing, Error }

public static class FieldStatusNames
{
    public static string Name(this FieldStatus s) => s.ToString().ToLowerInvariant();
}

/// <summary>
/// The evidence the confidence model judges a field by. Every feature is explicit so a calibrated
/// model can be fitted on them (see Scoring/).
/// </summary>
public sealed record FieldEvidence(
    double LabelMatch,
    bool LabelledRow,
    bool ColumnCertain,
    int Alternatives,
    double EngineConfidence,
    bool FormatCertain,
    int IdentitiesHeld = 0,
    int IdentitiesBroken = 0,
    bool SourceInconsistency = false,
    bool FromOcr = false,
    GlyphEvidence? Glyphs = null)
{
    /// <summary>A blank whose cell (or, for one placed without a cell, whose row's empty cells) the reader saw empty; an
    /// OCR'd blank without it is a guess (see <see cref="ExtractReports.Scoring.DoubtCaps.UnseenOcrBlank"/>).</summary>
    public bool BlankSeen { get; init; }

    /// <summary>Identities across rows (table 三's column sums) that hold with this field in them: the only identities
    /// that confirm which column a value sits in. A row's sum holds whichever of its parts holds which value, so
    /// <see cref="IdentitiesHeld"/> confirms values, not their columns (see
    /// <see cref="ExtractReports.Scoring.DoubtCaps.PlacementInDoubt"/>).</summary>
    public int ColumnIdentitiesHeld { get; init; }
}

/// <summary>
/// One schema field of one document: its value, status, where it came from and why we believe it.
/// <see cref="Readings"/>: the values the identities could not tell apart, when the cell is ambiguous
/// (a reviewer picks among them); null otherwise.
/// </summary>
public sealed record FieldValue(
    string FieldId,
    string Value,
    FieldStatus Status,
    string Evidence,
    int Page,
    Box? Box,
    IReadOnlyList<string> Flags,
    FieldEvidence Features,
    IReadOnlyList<string>? Readings = null);
