using System.Collections.Concurrent;
using System.CommandLine;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Store;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using Spectre.Console;

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
        var cmd = new Command("extract", "Extract reports into CSV files. Reruns into the same output folder skip unchanged inputs and keep reviewers' corrections.")
            { inputs, output, excel, jobs, threshold, model, tessdata, rebuild };
        cmd.SetAction(parse =>
        {
            var files = Expand(parse.GetValue(inputs)!, out var missing);
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"not found: {string.Join(", ", missing)}");
                return ExitCodes.UsageError;
            }
            if (files.Count == 0)
            {
                Console.Error.WriteLine("no input documents found");
                return ExitCodes.UsageError;
            }
            var builder = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata));
            if (parse.GetValue(model) is { } m) builder.UseConfidenceModel(ConfidenceModel.Load(m));
            var pipeline = builder.Build();
            var outDir = parse.GetValue(output)!;
            using var store = new ExtractionStore(StorePath(outDir));
            var results = Run(pipeline, store, files, Math.Max(1, parse.GetValue(jobs)), parse.GetValue(rebuild), out int reused);
            var corrections = store.Corrections();
            results = results.Select(r => Corrections.Apply(r, corrections)).ToList();
            OutputWriter.Write(outDir, results, new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) }, StandardSchema.Default);
            if (reused > 0) Console.Error.WriteLine($"{reused} unchanged documents reused from the last run (--rebuild re-extracts them)");
            int failed = results.Count(r => r.Status is DocumentStatus.Error or DocumentStatus.NotAReport);
            Console.Error.WriteLine($"{results.Count} documents: {results.Count(r => r.Status == DocumentStatus.Ok)} ok, " +
                                    $"{results.Count(r => r.Status == DocumentStatus.Partial)} partial, {failed} failed -> {Path.GetFullPath(outDir)}");
            foreach (var r in results.Where(r => r.Status is DocumentStatus.Error or DocumentStatus.NotAReport))
                Console.Error.WriteLine($"  {r.Status.Name()}: {r.Path}: {r.Message}");
            return failed > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
        });
        return cmd;
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

    /// <summary>One input: reused from the store when its bytes and the pipeline are unchanged, else extracted and stored.</summary>
    private static DocumentResult RunOne(ExtractPipeline pipeline, ExtractionStore store, string file, bool rebuild, ref int reused)
    {
        SourceDocument doc;
        try { doc = SourceDocument.FromFile(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return pipeline.Run(file); }
        if (!rebuild && store.Find(doc.Sha256, pipeline.Version) is { } cached)
        {
            Interlocked.Increment(ref reused);
            return cached with { Path = file, Name = doc.Name };
        }
        var result = pipeline.Run(doc);
        store.Save(result, pipeline.Version);
        return result;
    }

    /// <summary>Runs documents in parallel; a progress bar on a terminal, a line per document otherwise.</summary>
    private static List<DocumentResult> Run(ExtractPipeline pipeline, ExtractionStore store, IReadOnlyList<string> files, int jobs, bool rebuild, out int reused)
    {
        int reusedCount = 0;
        var results = new DocumentResult[files.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("extracting", maxValue: files.Count);
                Parallel.For(0, files.Count, options, i => { results[i] = RunOne(pipeline, store, files[i], rebuild, ref reusedCount); task.Increment(1); });
            });
        }
        else
        {
            int done = 0;
            Parallel.For(0, files.Count, options, i =>
            {
                results[i] = RunOne(pipeline, store, files[i], rebuild, ref reusedCount);
                var n = Interlocked.Increment(ref done);
                Console.Error.WriteLine($"[{n}/{files.Count}] {results[i].Status.Name(),-12} {files[i]}");
            });
        }
        reused = reusedCount;
        return results.ToList();
    }
}
