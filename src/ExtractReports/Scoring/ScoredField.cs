using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>A field with its calibrated confidence: what the outputs write.</summary>
public sealed record ScoredField(FieldValue Field, double Confidence);

/// <summary>Gives each field of a document the probability that its value is what the document says.</summary>
public interface IConfidenceModel
{
    /// <summary>One confidence per field of <paramref name="document"/>, in the same order.</summary>
    double[] Score(ScoringDocument document);
}
