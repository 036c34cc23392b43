using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// What the confidence model judges: one document's checked fields, its identity checks and the
/// kind of input it was read from. Scored together because some features are the document's
/// (how many of its identities broke, how much of it was missing).
/// </summary>
public sealed record ScoringDocument(DocumentKind Kind, IReadOnlyList<FieldValue> Fields, IReadOnlyList<CheckResult> Checks);
