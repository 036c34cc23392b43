using System.Globalization;
using CsvHelper;
using ExtractReports.Cli.Commands;
using ExtractReports.Store;

namespace ExtractReports.Tests.Store;

/// <summary>Incremental reruns and the review loop, through the command line as a reviewer uses them.</summary>
public class ReviewLoopTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-review-").FullName;
    private string Out => Path.Combine(_dir, "out");
    private static int Cli(params string[] args) => RootCommandFactory.Create().Parse(args).Invoke();

    private string CopySeed(string name)
    {
        var target = Path.Combine(_dir, name + ".txt");
        File.Copy(Path.Combine(TestPaths.Corpus, "seeds", name + ".txt"), target, true);
        return target;
    }

    private List<Dictionary<string, string>> Rows(string file)
    {
        using var reader = new StreamReader(Path.Combine(Out, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(k => k.Key, k => (string)k.Value)).ToList();
    }

    [Fact]
    public void A_correction_shows_in_every_later_output_and_reruns_reuse_unchanged_inputs()
    {
        var doc = CopySeed("001_472372508976de87");
        Assert.Equal(ExitCodes.Ok, Cli("extract", doc, "--out", Out));
        var review = Rows("review.csv");
        Assert.NotEmpty(review);

        // The reviewer fills in one field and leaves the others blank.
        var target = review.First();
        using (var writer = new StreamWriter(Path.Combine(Out, "review.csv")))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in review[0].Keys) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in review)
            {
                foreach (var (k, v) in row) csv.WriteField(k == "corrected_value" && ReferenceEquals(row, target) ? "42" : v);
                csv.NextRecord();
            }
        }
        Assert.Equal(ExitCodes.Ok, Cli("review", "import", Path.Combine(Out, "review.csv")));
        string Value() => Rows("fields.csv").Single(r => r["document"] == target["document"] && r["field"] == target["field"])["value"];
        Assert.Equal("42", Value());

        // A later run keeps the correction, whether it reuses the stored result or re-extracts.
        Assert.Equal(ExitCodes.Ok, Cli("extract", doc, "--out", Out));
        Assert.Equal("42", Value());
        Assert.Equal(ExitCodes.Ok, Cli("extract", doc, "--out", Out, "--rebuild"));
        Assert.Equal("42", Value());
        Assert.Contains("corrected_by_reviewer", Rows("fields.csv").Single(r => r["field"] == target["field"])["flags"]);
    }

    [Fact]
    public void The_store_reuses_a_result_only_for_the_same_bytes_and_pipeline()
    {
        using var store = new ExtractionStore(Path.Combine(_dir, "s.db"));
        var pipeline = ExtractReports.Pipeline.PipelineBuilder.CreateDefault().Build();
        var result = pipeline.Run(CopySeed("000_a6b295982b957889"));
        store.Save(result, pipeline.Version);
        var back = store.Find(result.Sha256, pipeline.Version);
        Assert.NotNull(back);
        Assert.Equal(result.Fields.Select(f => (f.Field.FieldId, f.Field.Value, f.Confidence)), back!.Fields.Select(f => (f.Field.FieldId, f.Field.Value, f.Confidence)));
        Assert.Null(store.Find(result.Sha256, "another-version"));
        Assert.Null(store.Find(new string('0', 64), pipeline.Version));
    }

    [Fact]
    public void A_file_that_is_not_a_review_csv_is_refused()
    {
        var doc = CopySeed("000_a6b295982b957889");
        Cli("extract", doc, "--out", Out);
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "a,b\n1,2\n");
        Assert.Equal(ExitCodes.UsageError, Cli("review", "import", bad, "--out", Out));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
