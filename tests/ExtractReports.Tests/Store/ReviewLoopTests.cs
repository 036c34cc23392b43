using System.Globalization;
using CsvHelper;
using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;
using ExtractReports.Fields;
using ExtractReports.Scoring;
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

    /// <summary>Writes review.csv back with some corrected_value cells filled in, as a reviewer in a spreadsheet.</summary>
    private void FillIn(List<Dictionary<string, string>> review, Dictionary<string, string> corrections)
    {
        using var writer = new StreamWriter(Path.Combine(Out, "review.csv"));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var h in review[0].Keys) csv.WriteField(h);
        csv.NextRecord();
        foreach (var row in review)
        {
            foreach (var (k, v) in row) csv.WriteField(k == "corrected_value" && corrections.TryGetValue(row["field"], out var c) ? c : v);
            csv.NextRecord();
        }
    }

    [Fact]
    public void Import_refuses_a_bad_correction_by_its_line_keeps_the_others_and_sets_the_status_the_value_has()
    {
        var doc = CopySeed("001_472372508976de87");
        Assert.Equal(ExitCodes.Ok, Cli("extract", doc, "--out", Out));
        var review = Rows("review.csv");
        // Seed 001 is cut off before these rows: they are missing, as a new user would find them.
        var missing = review.Where(r => r["status"] == "missing").Select(r => r["field"]).Take(4).ToList();
        Assert.Equal(4, missing.Count);
        FillIn(review, new() { [missing[0]] = "abc", [missing[1]] = "5", [missing[2]] = "-", [missing[3]] = "text: 不适用" });
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try { Assert.Equal(ExitCodes.SomeDocumentsFailed, Cli("review", "import", Path.Combine(Out, "review.csv"), "--reviewer", "bob")); }
        finally { Console.SetError(saved); }
        int line = review.FindIndex(r => r["field"] == missing[0]) + 2; // the header is line 1
        Assert.Contains($"line {line}", error.ToString());
        Assert.Contains("'abc' is not a number", error.ToString());

        var fields = Rows("fields.csv").ToDictionary(r => r["field"]);
        Assert.Equal(("", "missing"), (fields[missing[0]]["value"], fields[missing[0]]["status"]));
        Assert.Equal(("5", "ok", "1"), (fields[missing[1]]["value"], fields[missing[1]]["status"], fields[missing[1]]["confidence"]));
        Assert.Equal(("", "blank"), (fields[missing[2]]["value"], fields[missing[2]]["status"]));
        Assert.Equal(("不适用", "text"), (fields[missing[3]]["value"], fields[missing[3]]["status"]));
        Assert.All(missing.Skip(1), f => Assert.Contains("corrected_by_reviewer", fields[f]["flags"]));

        // review.csv keeps the corrected fields with their corrections, so importing it again changes nothing.
        var again = Rows("review.csv").ToDictionary(r => r["field"]);
        Assert.Equal(("5", "-", "text: 不适用"), (again[missing[1]]["corrected_value"], again[missing[2]]["corrected_value"], again[missing[3]]["corrected_value"]));
        using (var store = new ExtractionStore(Path.Combine(Out, "extractreports.db")))
        {
            Assert.Equal("bob", store.Corrections()[("001_472372508976de87", missing[1])].Reviewer);
            Assert.Single(store.History("001_472372508976de87", missing[1]));
        }
        Assert.Equal(ExitCodes.Ok, Cli("review", "import", Path.Combine(Out, "review.csv")));
        using (var store = new ExtractionStore(Path.Combine(Out, "extractreports.db")))
            Assert.Single(store.History("001_472372508976de87", missing[1]));

        // For train: the fields as extracted, right where the reviewer's value is the extracted one (as eval compares).
        var labelled = ReviewedFields.Read(Out).ToDictionary(r => r.Extracted.FieldId);
        Assert.Equal([false, true, false], missing.Skip(1).Select(f => labelled[f].Right));
        Assert.All(labelled.Values, l => Assert.Equal(FieldStatus.Missing, l.Extracted.Status));
        var examples = TrainingSet.FromReviewed(labelled.Values);
        Assert.Equal(labelled.Count, examples.Count);
        Assert.All(examples, e => Assert.Equal((TrainingSet.CorrectionsGroup, ConfidenceFeatures.Count), (e.Group, e.Features.Length)));
        Assert.Equal(labelled.Values.Count(l => l.Right), examples.Count(e => e.Right));
    }

    [Fact]
    public void The_last_correction_of_a_field_wins_and_every_one_is_kept_in_its_history()
    {
        using var store = new ExtractionStore(Path.Combine(_dir, "s.db"));
        var at = DateTime.UtcNow;
        store.SaveCorrections([new Correction("d", "t3.new_requests.total", "5", "3", at, "web", "alice")]);
        using (var other = new ExtractionStore(Path.Combine(_dir, "s.db"))) // another reviewer's server on the same folder
            other.SaveCorrections([new Correction("d", "t3.new_requests.total", "6", "3", at.AddSeconds(1), "web", "bob")]);
        Assert.Equal(("6", "bob"), (store.Corrections()[("d", "t3.new_requests.total")].Value, store.Corrections()[("d", "t3.new_requests.total")].Reviewer));
        Assert.Equal(["alice", "bob"], store.History("d", "t3.new_requests.total").Select(h => h.Reviewer));
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
