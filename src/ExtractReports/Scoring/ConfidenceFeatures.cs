using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// The feature vector of a field, by name: what the confidence model sees. Everything comes from
/// what earlier stages recorded (the field's evidence and flags, the document's identity checks and
/// input kind); nothing is re-read. Names are stable: the model file in models/ is fitted on them in
/// this order, and <see cref="ConfidenceModel"/> refuses a model fitted on other names.
/// </summary>
public static class ConfidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        // how the value came about
        "origin_read", "origin_decoded", "origin_inferred", "origin_blank", "origin_text", "origin_missing",
        // how sure the table reader was of its place
        "label_match", "unlabelled_row", "column_uncertain", "ambiguous", "log_alternatives",
        "engine_confidence_deficit", "format_uncertain", "repaired_by_identities",
        // the identities it takes part in
        "identities_held", "identity_broken", "source_inconsistency", "identity_residual",
        // the field and its value
        "is_meta", "table_t2", "table_t4", "value_digits",
        // the input
        "from_ocr", "kind_text", "kind_html", "kind_docx", "kind_pdf_text",
        // the whole document: a scan read badly is read badly everywhere
        "doc_identities_broken_share", "doc_missing_share", "doc_engine_confidence_deficit",
        // any kind's sign of a doubtful read, one feature for all kinds (below)
        "doubt",
    ];

    /// <summary>
    /// An OCR engine confidence below which a read counts as doubtful for <c>doubt</c>. Measured on
    /// the corpus scans (2026-12-03): below 0.7 held all 11 wrong scan fields and 8.9% of scan fields.
    /// </summary>
    public const double DoubtfulEngineConfidence = 0.7;

    public static int Count => Names.Count;

    /// <summary>The feature vectors of every field of <paramref name="doc"/>, one row of <see cref="Count"/> after another.</summary>
    public static float[] Of(ScoringDocument doc)
    {
        var rows = new float[doc.Fields.Count * Count];
        Write(doc, rows);
        return rows;
    }

    /// <summary>Writes the feature rows of <paramref name="doc"/> into <paramref name="rows"/> (fields x <see cref="Count"/>).</summary>
    public static void Write(ScoringDocument doc, Span<float> rows)
    {
        var d = DocumentFigures.Of(doc);
        for (int i = 0; i < doc.Fields.Count; i++)
            WriteField(doc.Fields[i], doc.Kind, d, rows.Slice(i * Count, Count));
    }

    private static void WriteField(FieldValue f, DocumentKind kind, in DocumentFigures d, Span<float> x)
    {
        var e = f.Features;
        bool decoded = f.Flags.Contains("digits_run_together");
        bool meta = f.FieldId.StartsWith("meta.", StringComparison.Ordinal);
        int i = 0;
        x[i++] = f.Status == FieldStatus.Ok && !decoded ? 1 : 0;
        x[i++] = decoded ? 1 : 0;
        x[i++] = f.Status == FieldStatus.Inferred ? 1 : 0;
        x[i++] = f.Status == FieldStatus.Blank ? 1 : 0;
        x[i++] = f.Status == FieldStatus.Text ? 1 : 0;
        x[i++] = f.Status is FieldStatus.Missing or FieldStatus.Error ? 1 : 0;
        x[i++] = (float)e.LabelMatch;
        x[i++] = e.LabelledRow ? 0 : 1;
        x[i++] = e.ColumnCertain ? 0 : 1;
        x[i++] = e.Alternatives > 1 ? 1 : 0;
        x[i++] = (float)Math.Log(Math.Max(1, e.Alternatives));
        x[i++] = 1 - (float)Math.Clamp(e.EngineConfidence, 0, 1);
        x[i++] = e.FormatCertain ? 0 : 1;
        x[i++] = f.Flags.Contains("repaired_by_identities") ? 1 : 0;
        x[i++] = Math.Min(e.IdentitiesHeld, 3) / 3f;
        x[i++] = e.IdentitiesBroken > 0 && !e.SourceInconsistency ? 1 : 0;
        x[i++] = e.SourceInconsistency ? 1 : 0;
        x[i++] = e.IdentitiesBroken > 0 ? d.Residual(f.FieldId) : 0;
        x[i++] = meta ? 1 : 0;
        x[i++] = f.FieldId.StartsWith("t2.", StringComparison.Ordinal) ? 1 : 0;
        x[i++] = f.FieldId.StartsWith("t4.", StringComparison.Ordinal) ? 1 : 0;
        x[i++] = meta ? 0 : Math.Min(Digits(f.Value), 10) / 10f;
        x[i++] = e.FromOcr || kind is DocumentKind.PdfScan or DocumentKind.Image ? 1 : 0;
        x[i++] = kind == DocumentKind.Text ? 1 : 0;
        x[i++] = kind == DocumentKind.Html ? 1 : 0;
        x[i++] = kind == DocumentKind.Docx ? 1 : 0;
        x[i++] = kind == DocumentKind.PdfText ? 1 : 0;
        x[i++] = d.BrokenShare;
        x[i++] = d.MissingShare;
        x[i++] = d.EngineDeficit;
        // Each input kind goes wrong its own way (text dumps: digit runs cut more than one way; scans:
        // weak OCR; real pages: rows not found), and a model fitted without a kind never sees that
        // kind's own sign vary. One feature that any kind's doubt sets lets what was learnt on the
        // others carry over to it (leave-one-kind-out in models/README.md).
        x[i++] = e.Alternatives > 1 || f.Status is FieldStatus.Missing or FieldStatus.Error
                 || (e.IdentitiesBroken > 0 && !e.SourceInconsistency)
                 || (e.FromOcr && e.EngineConfidence < DoubtfulEngineConfidence) ? 1 : 0;
    }

    private static int Digits(string value)
    {
        int n = 0;
        foreach (char c in value) if (char.IsAsciiDigit(c)) n++;
        return n;
    }

    /// <summary>Figures of the whole document, computed once for all its fields.</summary>
    private readonly struct DocumentFigures
    {
        public float BrokenShare { get; init; }
        public float MissingShare { get; init; }
        public float EngineDeficit { get; init; }
        private Dictionary<string, float>? Residuals { get; init; }

        /// <summary>log10(1 + the smallest |left - right| of the broken identities a field takes part in): a digit misread breaks by little, a misplaced row by much.</summary>
        public float Residual(string field) => Residuals?.GetValueOrDefault(field) ?? 0;

        public static DocumentFigures Of(ScoringDocument doc)
        {
            int held = 0, broken = 0;
            Dictionary<string, float>? residuals = null;
            foreach (var c in doc.Checks)
            {
                if (c.Outcome == CheckOutcome.Held) held++;
                else if (c.Outcome is CheckOutcome.BrokenInSource or CheckOutcome.BrokenByExtraction)
                {
                    broken++;
                    float r = c.Left is { } l && c.Right is { } rr ? (float)Math.Log10(1 + (double)Math.Abs(l - rr)) : 0;
                    residuals ??= new Dictionary<string, float>(StringComparer.Ordinal);
                    foreach (var f in c.Fields)
                        residuals[f] = residuals.TryGetValue(f, out var old) ? Math.Min(old, r) : r;
                }
            }
            int missing = 0, read = 0;
            double deficit = 0;
            foreach (var f in doc.Fields)
            {
                if (f.Status is FieldStatus.Missing or FieldStatus.Error) missing++;
                else if (f.Status == FieldStatus.Ok) { read++; deficit += 1 - Math.Clamp(f.Features.EngineConfidence, 0, 1); }
            }
            return new DocumentFigures
            {
                BrokenShare = held + broken == 0 ? 0 : broken / (float)(held + broken),
                MissingShare = doc.Fields.Count == 0 ? 0 : missing / (float)doc.Fields.Count,
                EngineDeficit = read == 0 ? 0 : (float)(deficit / read),
                Residuals = residuals,
            };
        }
    }
}
