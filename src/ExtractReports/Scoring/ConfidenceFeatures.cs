using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// The feature vector of a field, by name: what the confidence model sees. Names are stable: the
/// model file in models/ refers to them.
/// </summary>
public static class ConfidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "origin_read", "origin_decoded", "origin_inferred", "origin_blank", "origin_text", "origin_missing",
        "label_match", "unlabelled_row", "column_uncertain", "ambiguous", "log_alternatives",
        "engine_confidence_deficit", "identities_held", "identity_broken", "source_inconsistency",
        "format_uncertain", "is_meta", "from_ocr",
    ];

    public static double[] Of(FieldValue f)
    {
        var features = new double[Names.Count];
        Write(f, features);
        return features;
    }

    /// <summary>The feature vector of <paramref name="f"/> written into <paramref name="features"/> (of <see cref="Names"/>' length), for scoring without allocating.</summary>
    public static void Write(FieldValue f, Span<double> features)
    {
        var e = f.Features;
        bool decoded = f.Flags.Contains("digits_run_together");
        ReadOnlySpan<double> values =
        [
            f.Status == FieldStatus.Ok && !decoded ? 1 : 0,
            decoded ? 1 : 0,
            f.Status == FieldStatus.Inferred ? 1 : 0,
            f.Status == FieldStatus.Blank ? 1 : 0,
            f.Status == FieldStatus.Text ? 1 : 0,
            f.Status is FieldStatus.Missing or FieldStatus.Error ? 1 : 0,
            e.LabelMatch,
            e.LabelledRow ? 0 : 1,
            e.ColumnCertain ? 0 : 1,
            e.Alternatives > 1 ? 1 : 0,
            Math.Log(Math.Max(1, e.Alternatives)),
            1 - Math.Clamp(e.EngineConfidence, 0, 1),
            Math.Min(e.IdentitiesHeld, 3) / 3.0,
            e.IdentitiesBroken > 0 && !e.SourceInconsistency ? 1 : 0,
            e.SourceInconsistency ? 1 : 0,
            e.FormatCertain ? 0 : 1,
            f.FieldId.StartsWith("meta.", StringComparison.Ordinal) ? 1 : 0,
            e.FromOcr ? 1 : 0,
        ];
        values.CopyTo(features);
    }
}
