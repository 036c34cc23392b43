using ExtractReports.Checks;
using ExtractReports.Fields;
using ExtractReports.Tables;

namespace ExtractReports.Pipeline;

/// <summary>
/// Whether the tables read from a document's lines leave doubt that a closer reading of the same
/// document (<see cref="Lines.LineDocument.CloserReading"/>) could remove. The rule knows nothing of
/// any one document: it asks whether every table was found and every cell of it read plainly and
/// consistently, the same questions the confidence model and the identity checks ask.
/// </summary>
public static class ReadingDoubt
{
    /// <summary>Why the reading is in doubt, or null when it is not.</summary>
    /// <param name="reading">The tables as read.</param>
    /// <param name="checkedFields">Their fields after the identity checks; null when no table was found.</param>
    public static string? Of(ReportReading reading, CheckedFields? checkedFields)
    {
        var absent = new[] { ("二", reading.T2), ("三", reading.T3), ("四", reading.T4) }.Where(t => t.Item2 is null).Select(t => t.Item1).ToList();
        if (absent.Count > 0) return $"table {string.Join(", ", absent)} not found";
        if (checkedFields is null) return "no table read";

        // An identity that breaks, even one the checks blame on the source: a cell read into the
        // wrong column breaks a sum while every cell looks plain.
        int broken = checkedFields.Broken;
        if (broken > 0) return $"{broken} identities broken";

        var doubtful = checkedFields.Fields.Where(f => !f.FieldId.StartsWith("meta.", StringComparison.Ordinal)).Select(Doubt).Where(d => d is not null).ToList();
        return doubtful.Count == 0 ? null : $"{doubtful.Count} cells in doubt ({string.Join(", ", doubtful.Distinct().Order(StringComparer.Ordinal))})";
    }

    /// <summary>What is doubtful about one table cell, or null when it was read plainly.</summary>
    private static string? Doubt(FieldValue f) => f switch
    {
        { Status: FieldStatus.Missing } => "row not found or cell unreadable",
        { Status: FieldStatus.Text } => "a sentence in a numeric cell",
        { Status: FieldStatus.Inferred } => "a dropped cell inferred",
        { Features.ColumnCertain: false } => "column placed by position",
        { Features.Alternatives: > 1 } => "several readings",
        { Features.FormatCertain: false } => "format uncertain",
        _ when f.Flags.Contains("digits_run_together") => "digits run together",
        _ => null,
    };
}
