using System.CommandLine;
using System.Globalization;
using CsvHelper;
using ExtractReports.Outputs;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `review import`: takes a review.csv whose `corrected_value` column a person filled in, keeps the
/// corrections in the output folder's store, and rewrites the outputs with them. Every later
/// `extract` into that folder applies them too. `review serve`: the same loop in a browser.
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var cmd = new Command("review", "The review loop: correct doubtful fields in a browser (serve) or in review.csv (import).");
        cmd.Subcommands.Add(CreateImport());
        cmd.Subcommands.Add(ReviewServeCommand.Create());
        return cmd;
    }

    private static Command CreateImport()
    {
        var file = new Argument<string>("review-csv") { Description = "A review.csv with corrected_value filled in (blank means: keep the extracted value; '-' a blank cell; 'text: …' a sentence)." };
        var output = new Option<string?>("--out", "-o") { Description = "The output folder to update (default: the folder holding the review file)." };
        var excel = new Option<bool>("--excel") { Description = "Rewrite the CSVs with a UTF-8 byte-order mark." };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence go to review.csv.", DefaultValueFactory = _ => 0.9 };
        var reviewer = new Option<string>("--reviewer") { Description = "Who made the corrections (kept with each one).", DefaultValueFactory = _ => Environment.UserName };
        var import = new Command("import", "Import reviewers' corrections and rewrite the outputs with them.") { file, output, excel, threshold, reviewer };
        import.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"not found: {path}"); return ExitCodes.UsageError; }
            var outDir = parse.GetValue(output) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!File.Exists(OutputFolder.DocumentsCsv(outDir))) { Console.Error.WriteLine($"no documents.csv in {outDir}: run extract into it first"); return ExitCodes.UsageError; }

            var (corrections, problems, refused) = ReadCorrections(path, parse.GetValue(reviewer)!);
            foreach (var p in problems) Console.Error.WriteLine(p);
            if (corrections is null) return ExitCodes.UsageError;

            using var store = new ExtractionStore(OutputFolder.StorePath(outDir));
            store.SaveCorrections(corrections);
            var all = store.Corrections();
            var results = OutputFolder.Results(outDir, store).Select(r => Corrections.Apply(r, all)).ToList();
            var unknown = corrections.Where(c => !results.Any(r => r.Name == c.Document)).Select(c => c.Document).Distinct().ToList();
            if (unknown.Count > 0) Console.Error.WriteLine($"note: no document named {string.Join(", ", unknown)} in {outDir}; kept for later runs");
            OutputWriter.Write(outDir, results, new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) }, StandardSchema.Default);
            Console.Error.WriteLine($"{corrections.Count} corrections imported ({all.Count} in all){(refused > 0 ? $", {refused} refused (above)" : "")}; " +
                                    $"outputs in {Path.GetFullPath(outDir)} rewritten");
            // As for a batch with a failed document: the run finished, and something in it needs a look.
            return refused > 0 ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
        });
        return import;
    }

    /// <summary>
    /// The corrections of a filled-in review.csv, each checked against its field's type; a row that fails
    /// is refused with its line and the reason, and the others are kept. Null corrections: not a review.csv.
    /// </summary>
    internal static (List<Correction>? Corrections, List<string> Problems, int Refused) ReadCorrections(string path, string reviewer)
    {
        var corrections = new List<Correction>();
        var problems = new List<string>();
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        foreach (var col in new[] { "document", "field", "value", "corrected_value" })
            if (!csv.HeaderRecord!.Contains(col)) problems.Add($"{path}: no '{col}' column; is this a review.csv written by extract?");
        if (problems.Count > 0) return (null, problems, 0);
        var schema = StandardSchema.Default;
        int refused = 0;
        while (csv.Read())
        {
            var typed = csv.GetField("corrected_value")?.Trim() ?? "";
            if (typed.Length == 0) continue;
            var field = csv.GetField("field")!;
            var where = $"{path}, line {csv.Parser.RawRow}";
            if (!schema.Contains(field)) { problems.Add($"{where}: unknown field '{field}': refused"); refused++; continue; }
            var check = CorrectionValues.Check(typed, schema[field]);
            if (check.Value is not { } value) { problems.Add($"{where} ({csv.GetField("document")} {field}): {check.Error}: refused"); refused++; continue; }
            var extracted = csv.GetField("value") ?? "";
            // A row written back with its correction (review.csv keeps corrected fields) changes nothing.
            if (value.Value == extracted && (csv.GetField("flags") ?? "").Contains(Corrections.Flag)) continue;
            corrections.Add(new Correction(csv.GetField("document")!, field, value.Value, extracted, DateTime.UtcNow, Path.GetFileName(path), reviewer));
        }
        return (corrections, problems, refused);
    }
}
