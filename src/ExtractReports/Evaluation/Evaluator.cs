using System.Globalization;
using CsvHelper;
using ExtractReports.Outputs;
using ExtractReports.Tables;

namespace ExtractReports.Evaluation;

/// <summary>One field compared with the truth.</summary>
public sealed record FieldComparison(string Document, string Field, string Expected, string Got, double? Confidence, string Status, bool Right);

/// <summary>A score over a set of comparisons.</summary>
public sealed record Score(int Right, int Total)
{
    public double Rate => Total == 0 ? 1 : (double)Right / Total;
    public override string ToString() => FormattableString.Invariant($"{Right}/{Total} ({Rate:P2})");
}

/// <summary>The result of scoring an output folder against truth, field by field.</summary>
public sealed record EvalReport(IReadOnlyList<FieldComparison> Comparisons, double ReviewThreshold)
{
    public Score Overall => Of(Comparisons);
    public Score NonZero => Of(Comparisons.Where(c => c.Expected is not ("0" or "")));
    public IReadOnlyDictionary<string, Score> ByTable => Comparisons.GroupBy(c => c.Field.Split('.')[0]).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Of(g));
    public IReadOnlyDictionary<string, Score> ByDocument => Comparisons.GroupBy(c => c.Document).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Of(g));
    public Score DocumentsExact => new(ByDocument.Count(d => d.Value.Right == d.Value.Total), ByDocument.Count);
    public IEnumerable<FieldComparison> Wrong => Comparisons.Where(c => !c.Right);
    /// <summary>Wrong fields whose confidence is at or above the review threshold: confidently wrong.</summary>
    public int ConfidentlyWrong => Wrong.Count(c => (c.Confidence ?? 0) >= ReviewThreshold);

    private static Score Of(IEnumerable<FieldComparison> cs) { var l = cs.ToList(); return new(l.Count(c => c.Right), l.Count); }
}

/// <summary>Scores fields.csv against truth files (document, field, value), following DESIGN.md's value rules.</summary>
public static class Evaluator
{
    public static EvalReport Evaluate(string outputFolder, IEnumerable<string> truthPaths, double reviewThreshold = 0.9)
    {
        var fieldsPath = Path.Combine(outputFolder, "fields.csv");
        if (!File.Exists(fieldsPath)) throw new FileNotFoundException($"no fields.csv in {outputFolder}: run extract first", fieldsPath);
        var got = new Dictionary<(string, string), (string Value, double Confidence, string Status)>();
        foreach (var row in CsvRows.Read(fieldsPath))
            got[(row["document"], row["field"])] = (row["value"], double.Parse(row["confidence"], CultureInfo.InvariantCulture), row["status"]);

        var comparisons = new List<FieldComparison>();
        foreach (var truthFile in TruthFiles(truthPaths))
            foreach (var row in CsvRows.Read(truthFile))
            {
                var (doc, field, expected) = (row["document"], row["field"], row["value"]);
                if (got.TryGetValue((doc, field), out var g))
                    comparisons.Add(new FieldComparison(doc, field, expected, g.Value, g.Confidence, g.Status, Matches(field, expected, g.Value)));
                else
                    comparisons.Add(new FieldComparison(doc, field, expected, "", null, "absent", false));
            }
        return new EvalReport(comparisons, reviewThreshold);
    }

    /// <summary>Every truth row (document, field, value) of the given truth files and folders.</summary>
    public static IEnumerable<(string Document, string Field, string Value)> ReadTruth(IEnumerable<string> truthPaths) =>
        TruthFiles(truthPaths).SelectMany(CsvRows.Read).Select(r => (r["document"], r["field"], r["value"]));

    /// <summary>A truth path is a truth CSV or a folder whose truth.csv files (at any depth) are all used.</summary>
    public static IEnumerable<string> TruthFiles(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
                foreach (var f in Directory.EnumerateFiles(p, "truth.csv", SearchOption.AllDirectories).Order()) yield return f;
            else if (File.Exists(p)) yield return p;
            else throw new FileNotFoundException($"truth file or folder not found: {p}", p);
        }
    }

    public static bool Matches(string field, string expected, string got)
    {
        var alternatives = field == "meta.agency" ? expected.Split('|') : [expected];
        return alternatives.Any(a => Same(a, got));
    }

    private static bool Same(string expected, string got)
    {
        var e = Collapse(expected);
        var g = Collapse(got);
        if (e == g) return true;
        return e.Length > 0 && g.Length > 0 && NumberText.Value(e) is { } a && NumberText.Value(g) is { } b && a == b && IsNumber(e) && IsNumber(g);
    }

    private static bool IsNumber(string s) => s.All(c => char.IsAsciiDigit(c) || c is '.' or '-');

    private static string Collapse(string s) => string.Join(" ", s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
