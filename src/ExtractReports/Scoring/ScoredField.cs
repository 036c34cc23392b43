using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>A field with its calibrated confidence: what the outputs write.</summary>
public sealed record ScoredField(FieldValue Field, double Confidence);
