using ExtractReports.Checks;
using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Lines;
using ExtractReports.Scoring;

namespace ExtractReports.Tests.Scoring;

/// <summary>
/// The glyph features and the read doubt mean the same on every input kind: a text layer's cell and an OCR
/// cell read surely give the same values, so a model fitted without scans cannot learn "scan" from them.
/// </summary>
public class GlyphFeatureTests
{
    private static FieldValue Field(string id, string value, FieldStatus status = FieldStatus.Ok, int alternatives = 1, GlyphEvidence? glyphs = null, bool ocr = false) =>
        new(id, value, status, "", 1, null, [], new FieldEvidence(1, true, true, alternatives, glyphs?.LeastGlyphConfidence ?? 1, true, FromOcr: ocr, Glyphs: glyphs));

    private static float[] Row(DocumentKind kind, IReadOnlyList<FieldValue> fields, int index, params CheckResult[] checks)
    {
        var rows = ConfidenceFeatures.Of(new ScoringDocument(kind, fields, checks));
        return rows[(index * ConfidenceFeatures.Count)..((index + 1) * ConfidenceFeatures.Count)];
    }

    private static float At(float[] row, string name) => row[ConfidenceFeatures.Names.ToList().IndexOf(name)];

    private static readonly string[] GlyphNames =
        ["glyph_confidence_deficit", "reads_disagreed", "glyph_count_mismatch", "ink_unread", "low_resolution", "read_doubt", "doc_read_doubt"];

    [Fact]
    public void A_text_cell_and_a_surely_read_scan_cell_look_the_same()
    {
        var text = Row(DocumentKind.Text, [Field("t3.new_requests.natural", "12")], 0);
        var scan = Row(DocumentKind.PdfScan, [Field("t3.new_requests.natural", "12", glyphs: new GlyphEvidence(1, 1, true, 2, 2, false, false), ocr: true)], 0);
        foreach (var name in GlyphNames) Assert.Equal(At(text, name), At(scan, name));
        Assert.Equal(0, At(text, "read_doubt"));
    }

    [Fact]
    public void A_doubtful_read_of_any_kind_raises_the_read_doubt()
    {
        var outvoted = Row(DocumentKind.PdfScan, [Field("t3.new_requests.natural", "14", glyphs: new GlyphEvidence(0.95, 3, false, 2, 2, false, true), ocr: true)], 0);
        Assert.Equal(1, At(outvoted, "reads_disagreed"));
        Assert.Equal(1, At(outvoted, "low_resolution"));
        Assert.True(At(outvoted, "read_doubt") >= 0.5);

        var lostGlyph = Row(DocumentKind.PdfScan, [Field("t3.new_requests.natural", "4", glyphs: new GlyphEvidence(0.95, 1, true, 2, 1, false, false), ocr: true)], 0);
        Assert.True(At(lostGlyph, "glyph_count_mismatch") > 0);

        // a digit run a text dump lost the boundaries of, cut two ways: the same feature
        var twoWays = Row(DocumentKind.Text, [Field("t3.new_requests.natural", "12", alternatives: 2)], 0);
        Assert.Equal(0.5, At(twoWays, "read_doubt"), 3);
    }

    [Fact]
    public void A_missing_value_is_most_doubtful_but_a_table_not_found_does_not_count_for_the_document()
    {
        FieldValue[] fields = [Field("t3.new_requests.natural", "3"), Field("t3.carried_over.natural", "", FieldStatus.Missing), Field("t4.review.kept", "", FieldStatus.Missing)];
        Assert.Equal(1, At(Row(DocumentKind.Text, fields, 1), "read_doubt"));
        Assert.Equal(1, At(Row(DocumentKind.Text, fields, 2), "read_doubt"));
        Assert.Equal(0.5, At(Row(DocumentKind.Text, fields, 0), "doc_read_doubt"), 3);
    }

    [Fact]
    public void Only_identities_held_among_read_cells_count_as_held_by_reads()
    {
        FieldValue[] fields = [Field("a", "1"), Field("b", "2"), Field("c", "3", FieldStatus.Inferred)];
        var byReads = new CheckResult("a+b", CheckOutcome.Held, 3, 3, ["a", "b"]);
        var byInference = new CheckResult("a+c", CheckOutcome.Held, 4, 4, ["a", "c"]);
        var a = Row(DocumentKind.Text, fields, 0, byReads, byInference);
        Assert.Equal(1 / 3f, At(a, "identities_held_by_reads"), 3);
    }
}
