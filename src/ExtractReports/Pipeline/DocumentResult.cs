using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Scoring;

namespace ExtractReports.Pipeline;

/// <summary>documents.csv's statuses.</summary>
public enum DocumentStatus { Ok, Partial, NotAReport, Error }

public static class DocumentStatusNames
{
    public static string Name(this DocumentStatus s) => s switch
    {
        DocumentStatus.Ok => "ok",
        DocumentStatus.Partial => "partial",
        DocumentStatus.NotAReport => "not_a_report",
        _ => "error",
    };
}

/// <summary>What happened to one input: the unit of failure. A failed document has no fields, only a message.</summary>
/// <remarks><paramref name="PageTurns"/>: how far each scanned page lay turned clockwise (the boxes of its fields are in
/// the page turned back; the review page turns it the same way to crop them); null when every page lay upright.</remarks>
public sealed record DocumentResult(
    string Path,
    string Name,
    string Sha256,
    DocumentKind Kind,
    DocumentStatus Status,
    string Message,
    string Format,
    string Agency,
    string Year,
    int Pages,
    string Method,
    IReadOnlyList<ScoredField> Fields,
    IReadOnlyList<CheckResult> Checks,
    TimeSpan Elapsed,
    IReadOnlyList<int>? PageTurns = null)
{
    public int IdentitiesHeld => Checks.Count(c => c.Outcome == CheckOutcome.Held);
    public int IdentitiesBroken => Checks.Count(c => c.Outcome is CheckOutcome.BrokenInSource or CheckOutcome.BrokenByExtraction);
}
