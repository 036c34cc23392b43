using ExtractReports.Checks;
using ExtractReports.Fields;
using ExtractReports.Tables;

namespace ExtractReports.Pipeline;

/// <summary>Why a reading is in doubt, and on which pages (null: not known, every page).</summary>
public sealed record Doubt(string Reason, IReadOnlySet<int>? Pages);

/// <summary>
/// Whether the tables read from a document's lines leave doubt that a closer reading of the same
/// document (<see cref="Lines.LineDocument.CloserReading"/>) could remove. The rule knows nothing of
/// any one document: it asks whether every table was found and every cell of it read plainly and
/// consistently, the same questions the confidence model and the identity checks ask.
/// </summary>
public static class ReadingDoubt
{
    /// <summary>The doubt a reading leaves, or null when it leaves none.</summary>
    /// <param name="reading">The tables as read.</param>
    /// <param name="checkedFields">Their fields after the identity checks; null when no table was found.</param>
    public static Doubt? Of(ReportReading reading, CheckedFields? checkedFields)
    {
        var absent = new[] { ("二", reading.T2), ("三", reading.T3), ("四", reading.T4) }.Where(t => t.Item2 is null).Select(t => t.Item1).ToList();
        if (absent.Count > 0) return new Doubt($"table {string.Join(", ", absent)} not found", null);
        if (checkedFields is null) return new Doubt("no table read", null);

        // An identity that breaks, even one the checks blame on the source: a cell read into the
        // wrong column breaks a sum while every cell looks plain. Its doubt lies on the pages of
        // every cell it ties together.
        var byId = checkedFields.Fields.ToDictionary(f => f.FieldId);
        var broken = checkedFields.Checks.Where(c => c.Outcome is CheckOutcome.BrokenInSource or CheckOutcome.BrokenByExtraction).ToList();
        if (broken.Count > 0)
            return new Doubt($"{broken.Count} identities broken", PagesOf(broken.SelectMany(c => c.Fields).Select(f => byId[f])));

        var doubtful = checkedFields.Fields.Where(f => !f.FieldId.StartsWith("meta.", StringComparison.Ordinal))
            .Select(f => (Field: f, Why: Why(f))).Where(d => d.Why is not null).ToList();
        if (doubtful.Count == 0) return null;
        var reasons = string.Join(", ", doubtful.Select(d => d.Why!).Distinct().Order(StringComparer.Ordinal));
        return new Doubt($"{doubtful.Count} cells in doubt ({reasons})", PagesOf(doubtful.Select(d => d.Field)));
    }

    /// <summary>The pages the cells were read on; null when one has none (a row not found is on no page).</summary>
    private static IReadOnlySet<int>? PagesOf(IEnumerable<FieldValue> fields)
    {
        var pages = new HashSet<int>();
        foreach (var f in fields)
        {
            if (f.Page <= 0) return null;
            pages.Add(f.Page);
        }
        return pages;
    }

    /// <summary>What is doubtful about one table cell, or null when it was read plainly.</summary>
    private static string? Why(FieldValue f) => f switch
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
