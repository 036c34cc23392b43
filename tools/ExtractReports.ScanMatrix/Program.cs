using System.Globalization;
using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;
using ExtractReports.ScanMatrix;

// The scan-conditions matrix: the corpus's text PDFs (and ../shared/real/hzq2023_working.pdf) printed and
// scanned under each condition of tools/scan-conditions.csv, in a tuned and a held-out part.
//   render OUT [options]   write the scans and their truth.csv into OUT
//   eval [options]         render into a temporary folder, extract, and score per condition and part
// options: --part tuned|held-out|probe-N|both (default both; probe-N: a further tuned part, seed N > 2)  --conditions a,b  --documents prefix,prefix
//          --conditions-file PATH  --keep DIR (eval: keep scans and output)  --wrong (eval: list wrong fields)
var root = FindRoot();
if (args.Length == 0 || args[0] is not ("render" or "eval"))
{
    Console.Error.WriteLine("usage: scan-matrix render OUT [options] | scan-matrix eval [options] (see tools/ExtractReports.ScanMatrix/Program.cs)");
    return 2;
}
string? Opt(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var conditions = ScanCondition.Load(Opt("--conditions-file") ?? Path.Combine(root, "tools", "scan-conditions.csv")).ToList();
if (Opt("--conditions") is { } cs) conditions = conditions.Where(c => cs.Split(',').Contains(c.Name)).ToList();
var sources = Matrix.Sources(root);
if (Opt("--documents") is { } ds) sources = sources.Where(s => ds.Split(',').Any(p => s.Name.StartsWith(p, StringComparison.Ordinal))).ToList();
var parts = (Opt("--part") ?? "both") == "both" ? new[] { MatrixPart.Tuned, MatrixPart.HeldOut } : [MatrixPart.Parse(Opt("--part")!)];
int jobs = Environment.ProcessorCount;

if (args[0] == "render")
{
    if (args.Length < 2) { Console.Error.WriteLine("render needs an output folder"); return 2; }
    foreach (var part in parts) Matrix.Render(Path.Combine(args[1], parts.Length > 1 ? part.Name : ""), sources, conditions, part, jobs);
    Console.WriteLine($"rendered {sources.Count} documents x {conditions.Count} conditions x {parts.Length} part(s) into {args[1]}");
    return 0;
}

var work = Opt("--keep") ?? Directory.CreateTempSubdirectory("scan-matrix-eval-").FullName;
try
{
    Console.WriteLine($"{sources.Count} documents: {string.Join(' ', sources.Select(s => s.Name))}");
    Console.WriteLine("| part | condition | fields right | % | documents exact | wrong | wrong at >= 0.9 | wrong below 0.9 | right below 0.9 |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    var all = new List<(MatrixPart Part, EvalReport Report)>();
    foreach (var part in parts)
    {
        var scans = Path.Combine(work, part.Name, "scans");
        var output = Path.Combine(work, part.Name, "out");
        var started = DateTime.UtcNow;
        Matrix.Render(scans, sources, conditions, part, jobs);
        RootCommandFactory.Create().Parse(["extract", scans, "--out", output, "--rebuild"]).Invoke();
        var report = Evaluator.Evaluate(output, [scans]);
        all.Add((part, report));
        foreach (var (condition, r) in Matrix.ByCondition(report).OrderBy(c => conditions.FindIndex(x => x.Name == c.Condition)))
            Console.WriteLine(Row(part.Name, condition, r));
        Console.WriteLine(Row(part.Name, "all", report) + FormattableString.Invariant($" ({(DateTime.UtcNow - started).TotalMinutes:0.0} min)"));
        if (args.Contains("--wrong"))
            foreach (var w in report.Wrong)
                Console.Error.WriteLine(FormattableString.Invariant($"  {w.Document}\t{w.Field}\t{w.Expected}\t{w.Got}\t{w.Confidence:0.###}\t{w.Status}"));
    }
    return 0;
}
finally
{
    if (Opt("--keep") is null) Directory.Delete(work, true);
}

static string Row(string part, string condition, EvalReport r)
{
    int wrong = r.Wrong.Count();
    string below = wrong == 0 ? "-" : ((wrong - r.ConfidentlyWrong) / (double)wrong).ToString("P1", CultureInfo.InvariantCulture);
    // Right fields sent to review: what a doubt costs the reviewer (a check that doubts everything is no check).
    var right = r.Comparisons.Where(c => c.Right).ToList();
    int rightDoubted = right.Count(c => (c.Confidence ?? 0) < r.ReviewThreshold);
    string rightBelow = FormattableString.Invariant($"{rightDoubted} ({(right.Count == 0 ? 0 : rightDoubted / (double)right.Count):P1})");
    return FormattableString.Invariant($"| {part} | {condition} | {r.Overall.Right}/{r.Overall.Total} | {r.Overall.Rate:P2} | {r.DocumentsExact.Right}/{r.DocumentsExact.Total} | {wrong} | {r.ConfidentlyWrong} | {below} | {rightBelow} |");
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "ExtractReports.sln"))) return d.FullName;
    throw new InvalidOperationException("repository root not found");
}
