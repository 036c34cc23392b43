using System.CommandLine;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Store;
using ExtractReports.Pipeline;
using ExtractReports.Runs;
using ExtractReports.Schema;
using ExtractReports.Scoring;

namespace ExtractReports.Cli.Commands;

/// <summary>`extract`: every input file (folders are walked) becomes a documents.csv row, and its fields rows.</summary>
public static class ExtractCommand
{
    /// <summary>Extensions taken from folders; files named on the command line are always taken.</summary>
    private static readonly HashSet<string> Extensions =
        [".txt", ".md", ".html", ".htm", ".shtml", ".mht", ".mhtml", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".docx", ".doc", ".wps"];

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Report files or folders (walked recursively).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for fields.csv, documents.csv, wide.csv, review.csv.", DefaultValueFactory = _ => "out" };
        var excel = new Option<bool>("--excel") { Description = "Write the CSVs with a UTF-8 byte-order mark so Excel opens them correctly." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents read in parallel (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence go to review.csv.", DefaultValueFactory = _ => 0.9 };
        var model = new Option<string?>("--model") { Description = "Confidence model zip written by `train` (default: the model built in, from models/confidence.zip)." };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata for OCR (default: TESSDATA_PREFIX, then the system's tessdata)." };
        var rebuild = new Option<bool>("--rebuild") { Description = "Re-extract every input, even those unchanged since the last run into this output folder." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one document may take before it fails with a timeout (0: no limit).", DefaultValueFactory = _ => 600 };
        var ocrJobs = Readers.OcrJobsOption();
        var shard = new Option<string?>("--shard") { Description = "Take only share i of n of the inputs (i/n, 0-based; deterministic by path), for job arrays; combine the folders with `merge`." };
        var cmd = new Command("extract", "Extract reports into CSV files. Reruns into the same output folder skip unchanged inputs and keep reviewers' corrections.")
            { inputs, output, excel, jobs, threshold, model, tessdata, rebuild, timeout };
        cmd.Options.Add(shard);
        cmd.Options.Add(ocrJobs);
        cmd.SetAction(parse =>
        {
            var files = Expand(parse.GetValue(inputs)!, out var missing);
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"not found: {string.Join(", ", missing)}");
                return ExitCodes.UsageError;
            }
            if (!Shard.TryParse(parse.GetValue(shard) ?? "0/1", out var share))
            {
                Console.Error.WriteLine($"--shard takes i/n with 0 <= i < n, e.g. 3/8 (got '{parse.GetValue(shard)}')");
                return ExitCodes.UsageError;
            }
            files = files.Where(share.Contains).ToList();
            if (files.Count == 0 && share.Count == 1)
            {
                Console.Error.WriteLine("no input documents found");
                return ExitCodes.UsageError;
            }
            Readers.BatchMemory.Configure();
            var builder = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata), parse.GetValue(ocrJobs), Readers.BatchMemory.AfterOcrPage);
            if (parse.GetValue(model) is { } m) builder.UseConfidenceModel(ConfidenceModel.Load(m));
            var pipeline = builder.Build();
            var outDir = parse.GetValue(output)!;
            var options = new BatchOptions
            {
                Jobs = Math.Max(1, parse.GetValue(jobs)),
                Rebuild = parse.GetValue(rebuild),
                ReleaseNativeMemory = ExtractReports.Native.NativeHeap.Trim,
                Guard = new CrashGuardOptions { Timeout = parse.GetValue(timeout) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null },
                Output = new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) },
            };
            return ScheduledRun.Execute("extract" + (share.Count > 1 ? $" --shard {share}" : ""), outDir, (log, progress) =>
            {
                using var store = new ExtractionStore(StorePath(outDir));
                var batch = files.Select(f => BatchInput.FromFile(f, store)).ToList();
                return Run(pipeline, store, batch, outDir, options, log, progress);
            });
        });
        return cmd;
    }

    /// <summary>A batch through the store into the folder's CSVs, with a line per document in the log; the run's summary.</summary>
    internal static RunSummary Run(ExtractPipeline pipeline, ExtractionStore store, IReadOnlyList<BatchInput> batch, string outDir,
        BatchOptions options, RunLog log, ScheduledRun.Progress progress)
    {
        BatchReport report = null!;
        progress.Run("extracting", batch.Count, finished =>
        {
            var extractor = new BatchExtractor(pipeline, store, StandardSchema.Default, options)
            {
                Finished = (input, r) =>
                {
                    log.Write($"{r.Status.Name()} {input.Path} {r.Elapsed.TotalSeconds:0.###}s{(r.Message.Length > 0 ? " " + r.Message : "")}");
                    finished(input.Path, r);
                },
            };
            report = extractor.Run(batch, outDir);
        });
        foreach (var crashed in report.Crashed)
            Console.Error.WriteLine($"the last run died while reading {crashed.Path}: stored as failed ({crashed.Reason})");
        if (report.OutputsUnchanged) Console.Error.WriteLine("nothing changed since the outputs were written: they are kept as they are (--rebuild re-extracts)");
        else if (report.Reused > 0) Console.Error.WriteLine($"{report.Reused} unchanged documents reused from the last run (--rebuild re-extracts them)");
        return new RunSummary
        {
            Documents = report.Documents, New = report.New, Changed = report.Changed, Unchanged = report.Unchanged,
            Extracted = report.Extracted, Reused = report.Reused, OutputsUnchanged = report.OutputsUnchanged, Failed = report.Failed,
        };
    }

    internal static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        missing = [];
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            else missing.Add(input);
        }
        return files.Distinct().ToList();
    }

    /// <summary>The output folder's state: results by content hash, and reviewers' corrections.</summary>
    internal static string StorePath(string outDir) => Path.Combine(outDir, "extractreports.db");
}
