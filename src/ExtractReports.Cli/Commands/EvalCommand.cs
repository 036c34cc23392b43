using System.CommandLine;
using System.Globalization;
using ExtractReports.Evaluation;

namespace ExtractReports.Cli.Commands;

/// <summary>`eval`: scores an output folder against truth, field by field, and lists every wrong field.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("output") { Description = "An output folder written by extract (holding fields.csv)." };
        var truth = new Option<string[]>("--truth", "-t") { Description = "Truth CSV files (document,field,value) or folders holding truth.csv files.", Required = true, AllowMultipleArgumentsPerToken = true };
        var threshold = new Option<double>("--review-threshold") { Description = "Confidence below which a field counts as flagged for review.", DefaultValueFactory = _ => 0.9 };
        var min = new Option<double?>("--min-accuracy") { Description = "Exit with code 1 when overall accuracy is below this fraction (for CI)." };
        var cmd = new Command("eval", "Score extracted fields against truth.") { folder, truth, threshold, min };
        cmd.SetAction(parse =>
        {
            EvalReport report;
            try { report = Evaluator.Evaluate(parse.GetValue(folder)!, parse.GetValue(truth)!, parse.GetValue(threshold)); }
            catch (FileNotFoundException e) { Console.Error.WriteLine(e.Message); return ExitCodes.UsageError; }
            Print(report, Console.Out);
            return parse.GetValue(min) is { } m && report.Overall.Rate < m ? ExitCodes.SomeDocumentsFailed : ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void Print(EvalReport r, TextWriter o)
    {
        o.WriteLine($"fields right:        {r.Overall}");
        o.WriteLine($"non-zero fields:     {r.NonZero}");
        foreach (var (table, s) in r.ByTable) o.WriteLine($"  {table,-6} {s}");
        o.WriteLine($"documents exact:     {r.DocumentsExact}");
        o.WriteLine($"wrong with confidence >= {r.ReviewThreshold.ToString(CultureInfo.InvariantCulture)}: {r.ConfidentlyWrong} of {r.Wrong.Count()}");
        o.WriteLine("per document:");
        foreach (var (doc, s) in r.ByDocument) o.WriteLine($"  {doc,-40} {s}");
        if (r.Wrong.Any())
        {
            o.WriteLine("wrong fields (document, field, expected, got, confidence, status):");
            foreach (var w in r.Wrong)
                o.WriteLine($"  {w.Document}\t{w.Field}\t{w.Expected}\t{w.Got}\t{w.Confidence?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-"}\t{w.Status}");
        }
    }
}
