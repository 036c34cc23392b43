using ExtractReports.Schema;

namespace ExtractReports.Tests.Schema;

public class SchemaTests
{
    [Fact]
    public void Embedded_schema_matches_the_project_copy_and_has_every_field()
    {
        var schema = StandardSchema.Default;
        Assert.Equal(229, schema.Fields.Count);
        Assert.Equal("meta.agency", schema.Fields[0].Id);
        Assert.Equal(FieldType.Decimal, schema["t2.fees.amount"].Type);
    }

    [Theory]
    [InlineData(ReportFormat.F2019)]
    [InlineData(ReportFormat.F2021)]
    public void Templates_cover_exactly_the_schema_fields_of_each_format(ReportFormat format)
    {
        var schema = StandardSchema.Default;
        var fromTemplates = TableTemplates.T2(format).Rows.Concat(TableTemplates.T3(format).Rows).Concat(TableTemplates.T4.Rows)
            .SelectMany(r => r.FieldIds).OrderBy(x => x).ToList();
        var fromSchema = schema.Fields.Where(f => f.Table != "meta" && f.In(format)).Select(f => f.Id).OrderBy(x => x).ToList();
        Assert.Equal(fromSchema, fromTemplates);
    }

    [Fact]
    public void Table3_identities_follow_the_format()
    {
        // 7 balance + 7 result-sum + one row identity per row.
        Assert.Equal(7 + 7 + 25, TableIdentities.ForT3(ReportFormat.F2021).Count);
        Assert.Equal(7 + 7 + 23, TableIdentities.ForT3(ReportFormat.F2019).Count);
        Assert.Equal(3, TableIdentities.ForT4().Count);
        Assert.Equal(7 + 7 + 25 + 3, TableIdentities.ForDocument(ReportFormat.F2021).Count);
        Assert.Equal(3, TableIdentities.ForDocument(null).Count);
    }

    [Fact]
    public void An_identity_solves_for_a_field_on_either_side()
    {
        var id = new Identity("t", ["a", "b"], ["c", "d"]); // a + b = c + d
        var values = new Dictionary<string, decimal> { ["a"] = 5, ["b"] = 2, ["c"] = 4, ["d"] = 1 };
        decimal? Value(string f) => values.TryGetValue(f, out var v) ? v : null;
        Assert.Equal(3m, TableIdentities.Solve(id, "a", Value)); // 4 + 1 - 2
        Assert.Equal(3m, TableIdentities.Solve(id, "d", Value)); // 5 + 2 - 4
        Assert.Null(TableIdentities.Solve(id, "x", Value));
        values.Remove("b");
        Assert.Null(TableIdentities.Solve(id, "a", Value));
    }

    [Theory]
    [InlineData("三、 本 年 度 办 理 结 果", "三.本年度办理结果")]
    [InlineData("（二）部分公开", "(二)部分公开")]
    [InlineData("１．属于国家秘密", "1.属于国家秘密")]
    public void Labels_normalize_spacing_and_full_width_forms(string raw, string expected) =>
        Assert.Equal(expected, LabelText.Normalize(raw));

    [Fact]
    public void Fuzzy_match_accepts_a_source_typo_and_rejects_another_row()
    {
        var key = LabelText.Normalize("其他法律行政法规禁止公开");
        Assert.True(LabelText.Match(LabelText.Normalize("2.其他法律行政止公开"), key) >= 0.75);
        Assert.Equal(0, LabelText.Match(LabelText.Normalize("3.危及“三安全一稳定”"), key));
        Assert.Equal(1, LabelText.Match("abc重复申请xyz", "重复申请"));
    }
}
