using ExtractReports.Cli.Commands;
using ExtractReports.Outputs;
using ExtractReports.Runs;
using ExtractReports.Store;

namespace ExtractReports.Tests.Store;

/// <summary>`extract --shard i/n` into n folders, then `merge`, gives what one run gives; corrections come along.</summary>
public class ShardMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-shard-").FullName;
    private string In => Path.Combine(_dir, "in");
    private string Folder(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Shard_then_merge_equals_one_run_corrections_included()
    {
        Directory.CreateDirectory(In);
        foreach (var kind in new[] { "seeds", "html", "text" })
            foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Corpus, kind)).Where(f => !f.EndsWith(".csv")))
                File.Copy(f, Path.Combine(In, Path.GetFileName(f)), true);
        File.WriteAllBytes(Path.Combine(In, "broken.pdf"), "%PDF-1.4 not really"u8.ToArray());

        Assert.Equal(ExitCodes.SomeDocumentsFailed, RootCommandFactory.Run(["extract", In, "--out", Folder("one")]));
        var shardCounts = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            var code = RootCommandFactory.Run(["extract", In, "--out", Folder($"out-{i}"), "--shard", $"{i}/3"]);
            Assert.True(code is ExitCodes.Ok or ExitCodes.SomeDocumentsFailed);
            shardCounts.Add(RunSummary.Load(Folder($"out-{i}"))!.Documents);
        }
        int total = RunSummary.Load(Folder("one"))!.Documents;
        Assert.Equal(total, shardCounts.Sum());
        Assert.All(shardCounts, c => Assert.InRange(c, 1, total - 1));

        // A reviewer corrects a field in one shard's folder, and the same field in the one-run folder.
        var fieldRow = CsvRows.Read(Path.Combine(Folder("out-1"), "fields.csv")).First(r => r["status"] == "ok");
        foreach (var folder in new[] { "out-1", "one" })
            using (var store = new ExtractionStore(Path.Combine(Folder(folder), "extractreports.db")))
                store.SaveCorrections([new Correction(fieldRow["document"], fieldRow["field"], "4242", fieldRow["value"], DateTime.UtcNow, "test", Reviewer: "li")]);
        Assert.Equal(ExitCodes.SomeDocumentsFailed, RootCommandFactory.Run(["extract", In, "--out", Folder("one")]));

        Assert.Equal(ExitCodes.SomeDocumentsFailed, RootCommandFactory.Run(["merge", Folder("out-0"), Folder("out-1"), Folder("out-2"), "--out", Folder("all")]));
        foreach (var file in new[] { "fields.csv", "wide.csv", "review.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(Folder("one"), file)), File.ReadAllText(Path.Combine(Folder("all"), file)));
        Assert.Equal(WithoutSeconds(Folder("one")), WithoutSeconds(Folder("all")));
        Assert.Contains(CsvRows.Read(Path.Combine(Folder("all"), "fields.csv")),
            r => r["document"] == fieldRow["document"] && r["field"] == fieldRow["field"] && r["value"] == "4242");
        // Who corrected it, and the field's history, come along too.
        using var merged = new ExtractionStore(Path.Combine(Folder("all"), "extractreports.db"));
        Assert.Equal("li", merged.Corrections()[(fieldRow["document"], fieldRow["field"])].Reviewer);
        Assert.Single(merged.History(fieldRow["document"], fieldRow["field"]));
    }

    /// <summary>documents.csv without the seconds column, which times each run's own extraction.</summary>
    private static List<string> WithoutSeconds(string folder) =>
        CsvRows.Read(Path.Combine(folder, "documents.csv")).Select(r => string.Join("|", r.Where(kv => kv.Key != "seconds").Select(kv => kv.Value))).ToList();
}
