using ExtractReports.Pipeline;

namespace ExtractReports.Tests.Fields;

/// <summary>
/// The report format is known for sure only when both tables that show it (二 and 三) were read: a report
/// cut after table 二 may be a mixed one, so its format goes to review rather than being stated as sure.
/// </summary>
public sealed class FormatFieldTests
{
    private static double FormatConfidence(DocumentResult result, out IReadOnlyList<string> flags)
    {
        var format = result.Fields.Single(f => f.Field.FieldId == "meta.format");
        flags = format.Field.Flags;
        return format.Confidence;
    }

    [Fact]
    public void A_format_read_from_table_two_alone_is_flagged_and_below_the_review_threshold()
    {
        var result = PipelineBuilder.CreateDefault().Build().Run(Path.Combine(TestPaths.Corpus, "classes", "c6-cut-after-t2-text.txt"));
        double confidence = FormatConfidence(result, out var flags);
        Assert.Contains("format_from_one_table", flags);
        Assert.True(confidence < 0.9, $"meta.format at {confidence}");
    }

    [Fact]
    public void A_format_read_from_both_tables_is_not_flagged()
    {
        var result = PipelineBuilder.CreateDefault().Build().Run(Path.Combine(TestPaths.Corpus, "seeds", "003_2c0ad4f5183450d8.txt"));
        FormatConfidence(result, out var flags);
        Assert.DoesNotContain("format_from_one_table", flags);
    }
}
