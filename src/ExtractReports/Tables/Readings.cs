using ExtractReports.Lines;
using ExtractReports.Pages;
using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>How a cell's value came about.</summary>
public enum CellOrigin
{
    /// <summary>Read as printed, one number in its own cell.</summary>
    Read,
    /// <summary>Cut out of a digit run whose cell boundaries were lost.</summary>
    Decoded,
    /// <summary>Not in the source (a dropped cell): the unique value the identities allow.</summary>
    Inferred,
    /// <summary>A blank cell or a placeholder: the value is the empty string.</summary>
    Blank,
    /// <summary>A numeric cell that holds a sentence: the value is the sentence.</summary>
    Text,
    /// <summary>The row or table is there but this cell could not be read.</summary>
    Missing,
}

/// <summary>One cell of a reconstructed table, with what a confidence model needs to judge it.</summary>
public sealed record CellReading(
    string FieldId,
    string Value,
    CellOrigin Origin,
    string Evidence,
    int Page,
    Box? Box,
    double EngineConfidence,
    double LabelMatch,
    bool LabelledRow,
    bool ColumnCertain,
    int Alternatives,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string>? Readings = null)
{
    /// <summary>How the OCR engine read the cell the value came from (null: a text layer, or no cell).</summary>
    public GlyphEvidence? Glyphs { get; init; }

    /// <summary>A blank known to be blank: its cell, or the row's empty cells for one placed without a cell, was seen
    /// empty (<see cref="BlankEvidence"/>); false for a value that is not blank.</summary>
    public bool BlankSeen { get; init; }
}

/// <summary>A table as the reader reconstructed it, in the format it decided on.</summary>
public sealed record TableReading(
    string Table,
    ReportFormat Format,
    bool FormatCertain,
    IReadOnlyList<CellReading> Cells,
    string Method);

/// <summary>Everything the table reader found in one document.</summary>
public sealed record ReportReading(TableReading? T2, TableReading? T3, TableReading? T4)
{
    /// <summary>Which tables the document shows it printed (a heading or labels seen), read or not.</summary>
    public PrintedTables Printed { get; init; } = PrintedTables.None;

    public IEnumerable<TableReading> Tables => new[] { T2, T3, T4 }.Where(t => t is not null)!;
}
