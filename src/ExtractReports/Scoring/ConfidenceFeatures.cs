using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// The feature vector of a field, by name: what the confidence model sees. Everything comes from
/// what earlier stages recorded (the field's evidence and flags, the document's identity checks and
/// input kind); nothing is re-read. Names are stable: the model file in models/ is fitted on them in
/// this order, and <see cref="ConfidenceModel"/> refuses a model fitted on other names. New features
/// go at the end: a model fitted before them reads only the columns it was fitted on.
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
        // OCR damage is local (a smudge, a shaded band, a fold) and a bad scan is bad throughout:
        // the doubt of the field's neighbours in its row, the document's share of doubtful reads
        "row_engine_confidence_deficit", "doc_ocr_doubt_share",
        // most cells are 0, and a broken 0 is the misread a scan makes most (read 6, 8 or 7)
        "value_zero",
        // a field missing from a table the document was read to print (other fields of it were read): a
        // row not found, unlike a table the document does not print at all, whose fields are rightly missing
        "missing_in_read_table",
        // How the glyphs of the field's cell were read (issue 11, 2026-12-03), in terms every kind shares: a text
        // layer stores its characters, so it reads as perfectly sure (no deficit, one read, glyphs as printed).
        // The least confidence of any character; re-reads that gave another value; glyphs in the ink that the
        // digits read do not account for (a lost 1); ink that read as nothing; a page enlarged from a low resolution.
        "glyph_confidence_deficit", "reads_disagreed", "glyph_count_mismatch", "ink_unread", "low_resolution",
        // One doubt of the read for every kind (ReadDoubt below): what a model fitted on other kinds learnt
        // from their doubtful reads carries over to a kind it never saw; and its mean over the document.
        "read_doubt", "doc_read_doubt",
        // identities that hold among cells that were all read (none inferred from the identity itself, none missing)
        "identities_held_by_reads",
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
            WriteField(doc.Fields[i], i, doc.Kind, d, rows.Slice(i * Count, Count));
    }

    /// <summary>
    /// The doubt of how a field's value was read, in [0, 1], the same for every input kind: the largest of its
    /// glyphs' doubt (an OCR character's confidence deficit, re-reads that disagreed, glyphs not accounted
    /// for, ink that read as nothing), the doubt of where it was placed (one of n readings: 1 - 1/n), and 1 for
    /// a value missing: the reader found nothing it could read (a row or table not found looks the same as one
    /// not printed, and the truth of the corpus never holds a value for the second). A text layer's plain
    /// cell has 0; so has a value inferred from an identity: nothing was read (its own features tell it apart).
    /// </summary>
    public static float ReadDoubt(FieldValue f)
    {
        if (f.Status is FieldStatus.Missing or FieldStatus.Error) return 1;
        if (f.Status == FieldStatus.Inferred) return 0;
        var e = f.Features;
        float doubt = e.Alternatives > 1 ? 1 - 1f / e.Alternatives : 0;
        var (deficit, disagreed, mismatch, unread) = GlyphDoubts(f);
        return Math.Max(doubt, Math.Max(Math.Max(deficit, disagreed * 0.5f), Math.Max(mismatch, unread)));
    }

    /// <summary>The glyph features of a field: deficit, disagreed, mismatch, ink unread (all 0 for a text layer's cell).</summary>
    private static (float Deficit, float Disagreed, float Mismatch, float Unread) GlyphDoubts(FieldValue f)
    {
        var e = f.Features;
        if (f.Status is FieldStatus.Missing or FieldStatus.Error or FieldStatus.Inferred) return (0, 0, 0, 0);
        if (e.Glyphs is not { } g)
            // OCR without a glyph record (a cell from an older store): its engine confidence is the nearest thing
            return (e.FromOcr ? 1 - (float)Math.Clamp(e.EngineConfidence, 0, 1) : 0, 0, 0, 0);
        float mismatch = g.InkGlyphs > 0 && g.DigitsRead != g.InkGlyphs ? Math.Min(Math.Abs(g.InkGlyphs - g.DigitsRead), 3) / 3f : 0;
        return (1 - (float)Math.Clamp(g.LeastGlyphConfidence, 0, 1), g.Reads > 1 && !g.ReadsAgree ? 1 : 0, mismatch, g.InkUnread ? 1 : 0);
    }

    private static void WriteField(FieldValue f, int index, DocumentKind kind, in DocumentFigures d, Span<float> x)
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
        x[i++] = d.RowDeficit(f.FieldId, index);
        x[i++] = d.OcrDoubtShare;
        x[i++] = f.Value == "0" ? 1 : 0;
        x[i++] = d.TablesRead.MissingFrom(f) ? 1 : 0;
        var (deficit, disagreed, mismatch, unread) = GlyphDoubts(f);
        x[i++] = deficit;
        x[i++] = disagreed;
        x[i++] = mismatch;
        x[i++] = unread;
        x[i++] = e.Glyphs is { LowResolution: true } ? 1 : 0;
        x[i++] = ReadDoubt(f);
        x[i++] = d.ReadDoubt;
        x[i++] = Math.Min(d.HeldByReads(f.FieldId), 3) / 3f;
    }

    /// <summary>A field's row: its id without the column (t3.new_requests.research: t3.new_requests); meta fields have none.</summary>
    private static string? RowOf(string fieldId)
    {
        int last = fieldId.LastIndexOf('.');
        return last <= 0 || fieldId.StartsWith("meta.", StringComparison.Ordinal) ? null : fieldId[..last];
    }

    private static float Deficit(FieldValue f) =>
        f.Features.FromOcr && f.Status == FieldStatus.Ok ? 1 - (float)Math.Clamp(f.Features.EngineConfidence, 0, 1) : 0;

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
        public float OcrDoubtShare { get; init; }
        /// <summary>The mean <see cref="ReadDoubt"/> of the document's fields that hold a value or are missing from a table read (a table not
        /// found at all does not count: the document may not print it).</summary>
        public float ReadDoubt { get; init; }
        private Dictionary<string, float>? Residuals { get; init; }
        private Dictionary<string, int>? ReadHolds { get; init; }

        /// <summary>How many identities that hold among read cells only the field takes part in.</summary>
        public int HeldByReads(string field) => ReadHolds?.GetValueOrDefault(field) ?? 0;
        /// <summary>The tables some field of which has a value the document printed (read, blank, inferred or a sentence).</summary>
        public ReadTables TablesRead { get; init; }

        /// <summary>Each row's two largest engine deficits, and the field (by index) that has the largest.</summary>
        private Dictionary<string, (float Top, int TopField, float Second)>? Rows { get; init; }

        /// <summary>The largest engine deficit among the other OCR'd fields of the field's row.</summary>
        public float RowDeficit(string field, int index)
        {
            if (Rows is null || RowOf(field) is not { } row || !Rows.TryGetValue(row, out var r)) return 0;
            return r.TopField == index ? r.Second : r.Top;
        }

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
            int missing = 0, read = 0, ocrRead = 0, ocrDoubtful = 0;
            Dictionary<string, FieldStatus>? statuses = null;
            double deficit = 0;
            Dictionary<string, (float, int, float)>? rows = null;
            var tablesRead = new ReadTables(doc.Fields);
            for (int i = 0; i < doc.Fields.Count; i++)
            {
                var f = doc.Fields[i];
                (statuses ??= new(StringComparer.Ordinal))[f.FieldId] = f.Status;
                if (f.Status is FieldStatus.Missing or FieldStatus.Error) missing++;
                else if (f.Status == FieldStatus.Ok) { read++; deficit += 1 - Math.Clamp(f.Features.EngineConfidence, 0, 1); }
                if (f.Status != FieldStatus.Ok || !f.Features.FromOcr) continue;
                ocrRead++;
                if (f.Features.EngineConfidence < DoubtfulEngineConfidence) ocrDoubtful++;
                if (RowOf(f.FieldId) is not { } row) continue;
                rows ??= new Dictionary<string, (float, int, float)>(StringComparer.Ordinal);
                float def = Deficit(f);
                var (top, topField, second) = rows.GetValueOrDefault(row, (0f, -1, 0f));
                rows[row] = def > top ? (def, i, top) : (top, topField, Math.Max(second, def));
            }
            Dictionary<string, int>? readHolds = null;
            foreach (var c in doc.Checks)
            {
                if (c.Outcome != CheckOutcome.Held || statuses is null) continue;
                bool allRead = true;
                foreach (var id in c.Fields)
                    if (!statuses.TryGetValue(id, out var s) || s is not (FieldStatus.Ok or FieldStatus.Blank)) { allRead = false; break; }
                if (!allRead) continue;
                readHolds ??= new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var id in c.Fields) readHolds[id] = readHolds.GetValueOrDefault(id) + 1;
            }
            double doubtSum = 0;
            int doubtCount = 0;
            foreach (var f in doc.Fields)
            {
                if (f.Status == FieldStatus.Inferred || ReadTables.IsMissing(f) && !tablesRead.Contains(f.FieldId)) continue;
                doubtSum += ConfidenceFeatures.ReadDoubt(f);
                doubtCount++;
            }
            return new DocumentFigures
            {
                ReadDoubt = doubtCount == 0 ? 0 : (float)(doubtSum / doubtCount),
                ReadHolds = readHolds,
                BrokenShare = held + broken == 0 ? 0 : broken / (float)(held + broken),
                MissingShare = doc.Fields.Count == 0 ? 0 : missing / (float)doc.Fields.Count,
                EngineDeficit = read == 0 ? 0 : (float)(deficit / read),
                OcrDoubtShare = ocrRead == 0 ? 0 : ocrDoubtful / (float)ocrRead,
                Rows = rows,
                TablesRead = tablesRead,
                Residuals = residuals,
            };
        }
    }
}
