using System.CommandLine;
using System.Globalization;
using CsvHelper;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `review import`: takes a review.csv whose `corrected_value` column a person filled in, keeps the
/// corrections in the output folder's store, and rewrites the outputs with them. Every later
/// `extract` into that folder applies them too.
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("review-csv") { Description = "A review.csv with corrected_value filled in (blank means: keep the extracted value)." };
        var output = new Option<string?>("--out", "-o") { Description = "The output folder to update (default: the folder holding the review file)." };
        var excel = new Option<bool>("--excel") { Description = "Rewrite the CSVs with a UTF-8 byte-order mark." };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence go to review.csv.", DefaultValueFactory = _ => 0.9 };
        var import = new Command("import", "Import reviewers' corrections and rewrite the outputs with them.") { file, output, excel, threshold };
        import.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"not found: {path}"); return ExitCodes.UsageError; }
            var outDir = parse.GetValue(output) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            var documentsCsv = Path.Combine(outDir, "documents.csv");
            if (!File.Exists(documentsCsv)) { Console.Error.WriteLine($"no documents.csv in {outDir}: run extract into it first"); return ExitCodes.UsageError; }

            var (corrections, problems) = ReadCorrections(path);
            foreach (var p in problems) Console.Error.WriteLine(p);
            if (problems.Count > 0) return ExitCodes.UsageError;

            using var store = new ExtractionStore(ExtractCommand.StorePath(outDir));
            store.SaveCorrections(corrections);
            var all = store.Corrections();
            var results = ReadDocuments(documentsCsv).Select(row => store.Latest(row.Sha256) is { } r ? r with { Path = row.Path, Name = row.Document } : row.AsResult())
                .Select(r => ExtractReports.Store.Corrections.Apply(r, all)).ToList();
            var unknown = corrections.Where(c => !results.Any(r => r.Name == c.Document)).Select(c => c.Document).Distinct().ToList();
            if (unknown.Count > 0) Console.Error.WriteLine($"note: no document named {string.Join(", ", unknown)} in {outDir}; kept for later runs");
            OutputWriter.Write(outDir, results, new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) }, StandardSchema.Default);
            Console.Error.WriteLine($"{corrections.Count} corrections imported ({all.Count} in all); outputs in {Path.GetFullPath(outDir)} rewritten");
            return ExitCodes.Ok;
        });
        var cmd = new Command("review", "The review loop: correct doubtful fields in review.csv, then import them.");
        cmd.Subcommands.Add(import);
        return cmd;
    }

    internal static (List<Correction> Corrections, List<string> Problems) ReadCorrections(string path)
    {
        var corrections = new List<Correction>();
        var problems = new List<string>();
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        foreach (var col in new[] { "document", "field", "value", "corrected_value" })
            if (!csv.HeaderRecord!.Contains(col)) problems.Add($"{path}: no '{col}' column; is this a review.csv written by extract?");
        if (problems.Count > 0) return (corrections, problems);
        while (csv.Read())
        {
            var corrected = csv.GetField("corrected_value")?.Trim() ?? "";
            if (corrected.Length == 0) continue;
            var field = csv.GetField("field")!;
            if (!StandardSchema.Default.Contains(field)) { problems.Add($"{path}, row {csv.Parser.Row}: unknown field '{field}'"); continue; }
            // A person types "-" or "—" for "this cell is blank in the report".
            var value = corrected is "-" or "—" ? "" : corrected;
            corrections.Add(new Correction(csv.GetField("document")!, field, value, csv.GetField("value") ?? "", DateTime.UtcNow, Path.GetFileName(path)));
        }
        return (corrections, problems);
    }

    private sealed record DocumentsRow(string Document, string Path, string Sha256, string Kind, string Status, string Message)
    {
        public DocumentResult AsResult() => new(Path, Document, Sha256, DocumentKind.Unknown,
            Status switch { "ok" => DocumentStatus.Ok, "partial" => DocumentStatus.Partial, "not_a_report" => DocumentStatus.NotAReport, _ => DocumentStatus.Error },
            Message, "", "", "", 0, "", [], [], TimeSpan.Zero);
    }

    private static List<DocumentsRow> ReadDocuments(string path) =>
        CsvRows.Read(path).Select(r => new DocumentsRow(r["document"], r["path"], r["sha256"], r["kind"], r["status"], r["message"])).ToList();
}
