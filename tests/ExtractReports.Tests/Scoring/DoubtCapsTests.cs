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
            Field("meta.year", FieldStatus.Missing),
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
}
