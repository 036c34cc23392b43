using System.CommandLine;
using System.Globalization;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Runs;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `merge out-0 out-1 … --out all`: combines the folders of `extract --shard i/n` runs into one, as
/// if one run had read every input: stores merged (results, reviewers' corrections), every
/// correction applied to every document, documents in path order (the order one run over one folder
/// writes them).
/// </summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("folders") { Description = "Output folders of shard runs (each with documents.csv and extractreports.db).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The combined output folder.", DefaultValueFactory = _ => "all" };
        var excel = new Option<bool>("--excel") { Description = "Write the CSVs with a UTF-8 byte-order mark." };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence go to review.csv.", DefaultValueFactory = _ => 0.9 };
        var cmd = new Command("merge", "Combine the output folders of `extract --shard i/n` runs into one folder, corrections included.") { folders, output, excel, threshold };
        cmd.SetAction(parse =>
        {
            var outDir = parse.GetValue(output)!;
            var shards = parse.GetValue(folders)!.Where(f => Path.GetFullPath(f).TrimEnd('/') != Path.GetFullPath(outDir).TrimEnd('/')).ToList();
            foreach (var f in shards)
                if (!File.Exists(Path.Combine(f, "documents.csv")) || !File.Exists(ExtractCommand.StorePath(f)))
                {
                    Console.Error.WriteLine($"{f}: not an output folder (no documents.csv and extractreports.db)");
                    return ExitCodes.UsageError;
                }
            var options = new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) };
            return ScheduledRun.Execute("merge", outDir, (log, _) => Merge(shards, outDir, options, log));
        });
        return cmd;
    }

    internal static RunSummary Merge(IReadOnlyList<string> shards, string outDir, OutputOptions options, RunLog log)
    {
        using var store = new ExtractionStore(ExtractCommand.StorePath(outDir));
        var rows = new List<Dictionary<string, string>>();
        foreach (var shard in shards)
        {
            store.Import(ExtractCommand.StorePath(shard));
            var shardRows = CsvRows.Read(Path.Combine(shard, "documents.csv")).ToList();
            rows.AddRange(shardRows);
            log.Write($"merged {shard}: {shardRows.Count} documents");
        }
        var corrections = store.Corrections();
        var failed = new List<FailedItem>();
        using (var outputs = new StreamingOutputWriter(outDir, options, StandardSchema.Default))
        {
            // A document in two shards (the same path twice) is written once.
            foreach (var row in rows.DistinctBy(r => (r["path"], r["document"])).OrderBy(r => r["path"], StringComparer.Ordinal))
            {
                var result = row["sha256"].Length > 0 && store.Latest(row["sha256"]) is { } stored
                    ? stored with { Path = row["path"], Name = row["document"] }
                    : FromRow(row);
                result = Corrections.Apply(result, corrections);
                outputs.Add(result);
                if (result.Status is DocumentStatus.Error or DocumentStatus.NotAReport)
                    failed.Add(new FailedItem(result.Name, result.Path, $"{result.Status.Name()}: {result.Message}"));
            }
            outputs.Complete();
        }
        return new RunSummary { Documents = rows.Count, Reused = rows.Count, Failed = failed };
    }

    /// <summary>A document known only from its documents.csv row (a file that could not be read has no stored result).</summary>
    private static DocumentResult FromRow(Dictionary<string, string> r) => new(r["path"], r["document"], r["sha256"], DocumentKind.Unknown,
        r["status"] switch { "ok" => DocumentStatus.Ok, "partial" => DocumentStatus.Partial, "not_a_report" => DocumentStatus.NotAReport, _ => DocumentStatus.Error },
        r["message"], r["format"], r["agency"], r["year"], int.TryParse(r["pages"], out var p) ? p : 0, r["method"], [], [],
        TimeSpan.FromSeconds(double.TryParse(r["seconds"], CultureInfo.InvariantCulture, out var s) ? s : 0));
}
