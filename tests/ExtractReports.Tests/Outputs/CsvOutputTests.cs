using System.Globalization;
using CsvHelper;
using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;

namespace ExtractReports.Tests.Outputs;

public class CsvOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-csv-").FullName;

    private static DocumentResult Result(string value) => new("in/a.txt", "a", "00", DocumentKind.Text, DocumentStatus.Ok, "", "2021", "某局", "2022", 1, "text",
        [new ScoredField(new FieldValue("t2.penalty.decisions", value, FieldStatus.Text, "行政处罚 | " + value, 1, null, ["sentence_in_numeric_cell"],
            new FieldEvidence(1, true, true, 1, 1, true)), 0.5)], [], TimeSpan.Zero);

    [Fact]
    public void Commas_quotes_and_newlines_in_text_cells_round_trip()
    {
        const string nasty = "一般程序案件29起,罚没\"1646\"万元\n简易程序23起";
        OutputWriter.Write(_dir, [Result(nasty)], new OutputOptions(), StandardSchema.Default);
        using var reader = new StreamReader(Path.Combine(_dir, "fields.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().ToList();
        Assert.Single(rows);
        Assert.Equal(nasty, (string)rows[0].value);
        Assert.Equal("text", (string)rows[0].status);
    }

    [Fact]
    public void Excel_option_writes_a_bom_and_wide_has_a_column_per_field()
    {
        OutputWriter.Write(_dir, [Result("x")], new OutputOptions { ExcelBom = true }, StandardSchema.Default);
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "wide.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = File.ReadLines(Path.Combine(_dir, "wide.csv")).First();
        Assert.Equal(2 + StandardSchema.Default.Fields.Count, header.Split(',').Length);
        Assert.Single(File.ReadLines(Path.Combine(_dir, "review.csv")).Skip(1));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
