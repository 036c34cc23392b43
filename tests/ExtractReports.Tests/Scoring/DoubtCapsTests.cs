using ExtractReports.Fields;
using ExtractReports.Scoring;

namespace ExtractReports.Tests.Scoring;

public class DoubtCapsTests
{
    private static FieldValue Field(string id, FieldStatus status, string value = "") =>
        new(id, value, status, "", 1, null, [], new FieldEvidence(0, false, true, 1, 1, true));

    [Fact]
    public void A_field_missing_from_a_table_that_was_read_is_bounded_and_one_of_a_table_not_found_is_not()
    {
        FieldValue[] fields =
        [
            Field("t3.new_requests.natural", FieldStatus.Ok, "3"),
            Field("t3.carried_over.natural", FieldStatus.Missing),
            Field("t4.review.kept", FieldStatus.Missing),
            Field("meta.format", FieldStatus.Missing),
        ];
        var confidences = DoubtCaps.Apply(fields, [1, 1, 1, 1]);
        Assert.Equal([1, DoubtCaps.MissingInReadTable, 1, 1], confidences);
    }

    [Fact]
    public void A_field_missing_from_a_table_printed_but_not_read_is_bounded()
    {
        FieldValue[] fields =
        [
            Field("t3.new_requests.natural", FieldStatus.Ok, "3"),
            Field("t4.review.kept", FieldStatus.Missing) with { Flags = ["row_not_found", FieldMapper.TableNotRead] },
            Field("t4.review.corrected", FieldStatus.Missing) with { Flags = ["row_not_found"] },
        ];
        Assert.Equal([1, DoubtCaps.MissingFromUnreadTable, 1], DoubtCaps.Apply(fields, [1, 1, 1]));
    }

    [Fact]
    public void An_agency_or_year_not_found_is_bounded_and_other_missing_meta_is_not()
    {
        FieldValue[] fields =
        [
            Field("meta.agency", FieldStatus.Missing),
            Field("meta.year", FieldStatus.Missing),
            Field("meta.year", FieldStatus.Ok, "2023"),
            Field("meta.format", FieldStatus.Missing),
        ];
        Assert.Equal([DoubtCaps.MissingMeta, DoubtCaps.MissingMeta, 1, 1], DoubtCaps.Apply(fields, [1, 1, 1, 1]));
    }

    [Fact]
    public void A_value_the_reader_barely_read_is_bounded_whichever_confidence_says_so()
    {
        static FieldValue Read(double engine, double? leastGlyph = null, string id = "t3.granted.total") =>
            Field(id, FieldStatus.Ok, "4") with
            {
                Features = new FieldEvidence(1, true, true, 1, engine, true, FromOcr: true,
                    Glyphs: leastGlyph is { } g ? new ExtractReports.Lines.GlyphEvidence(g, 1, true, 1, 1, false, false) : null),
            };
        FieldValue[] fields =
        [
            Read(0.09),                      // the engine's cell confidence
            Read(0.95, leastGlyph: 0.05),   // one glyph the engine did not know
            Read(0.5, leastGlyph: 0.5),     // doubtful, not barely read: left to the model
            Read(0.05, id: "meta.agency"),  // a title's confidence: other bounds judge meta
        ];
        Assert.Equal([DoubtCaps.BarelyRead, DoubtCaps.BarelyRead, 1, 1], DoubtCaps.Apply(fields, [1, 1, 1, 1]));
    }

    [Fact]
    public void An_ocr_blank_is_bounded_unless_it_was_seen_blank_and_a_text_layer_blank_never_is()
    {
        FieldValue Blank(bool ocr, bool seen) => Field("t3.carried_over.natural", FieldStatus.Blank) is var f
            ? f with { Features = f.Features with { FromOcr = ocr, BlankSeen = seen } } : f;
        Assert.Equal(DoubtCaps.UnseenOcrBlank, DoubtCaps.Bound(Blank(ocr: true, seen: false)));
        Assert.Equal(1, DoubtCaps.Bound(Blank(ocr: true, seen: true)));
        Assert.Equal(1, DoubtCaps.Bound(Blank(ocr: false, seen: false)));
        // A value read is not a blank: the bound is for blanks only.
        var read = Field("t3.carried_over.natural", FieldStatus.Ok, "0");
        Assert.Equal(1, DoubtCaps.Bound(read with { Features = read.Features with { FromOcr = true } }));
    }

    [Fact]
    public void An_ocr_format_from_a_table_of_uncertain_format_is_bounded()
    {
        var format = Field("meta.format", FieldStatus.Ok, "2021") with { Flags = ["format_uncertain"] };
        Assert.Equal(DoubtCaps.FormatFromOneTable, DoubtCaps.Bound(format with { Features = format.Features with { FromOcr = true } }));
        Assert.Equal(1, DoubtCaps.Bound(format with { Flags = [] , Features = format.Features with { FromOcr = true } }));
    }

    [Fact]
    public void An_ocr_value_its_cell_reader_left_doubtful_is_bounded_and_an_agreed_one_is_not()
    {
        var read = Field("t2.fees.change", FieldStatus.Ok, "1");
        FieldValue With(bool agree, bool ocr) =>
            read with { Features = read.Features with { FromOcr = ocr, Glyphs = new ExtractReports.Lines.GlyphEvidence(0.9, 1, agree, 1, 1, false, false) } };
        Assert.Equal(DoubtCaps.DoubtfulOcrRead, DoubtCaps.Bound(With(agree: false, ocr: true)));
        Assert.Equal(1, DoubtCaps.Bound(With(agree: true, ocr: true)));
        // An identity it takes part in holds: confirmed.
        var held = With(agree: false, ocr: true);
        Assert.Equal(1, DoubtCaps.Bound(held with { Features = held.Features with { IdentitiesHeld = 2 } }));
    }
}
