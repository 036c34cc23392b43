using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using ExtractReports.Schema;

namespace ExtractReports.Tests.Corpus;

/// <summary>
/// Checks the committed corpus itself: every truth file names real schema fields with values that
/// follow DESIGN.md's value rules, every document has truth and every truth has a document, names
/// are unique across the corpus, and each document's truth satisfies tables 三 and 四's identities
/// unless the folder's source-inconsistencies.csv lists it (and then it must really break one).
/// </summary>
public sealed class CorpusTruthTests
{
    /// <summary>
    /// Files in a corpus folder that are not documents. Anything else is taken for a document (as
    /// `extract` would take it), so notes belong in docs/, not beside the documents.
    /// </summary>
    private static readonly HashSet<string> MetaFiles = ["truth.csv", "source-inconsistencies.csv"];

    private static readonly string CorpusRoot = TestPaths.Corpus;

    private static IReadOnlyList<string> KindNames() =>
        Directory.GetDirectories(CorpusRoot).OrderBy(d => d, StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "truth.csv"))).Select(Path.GetFileName).ToList()!;

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in KindNames()) data.Add(kind);
        return data;
    }

    private static List<(string Document, string Field, string Value)> ReadTruth(string kind)
    {
        using var reader = new StreamReader(Path.Combine(CorpusRoot, kind, "truth.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<(string, string, string)>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) rows.Add((csv.GetField("document")!, csv.GetField("field")!, csv.GetField("value") ?? ""));
        return rows;
    }

    private static HashSet<string> KnownInconsistent(string kind)
    {
        var path = Path.Combine(CorpusRoot, kind, "source-inconsistencies.csv");
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var set = new HashSet<string>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) set.Add(csv.GetField("document")!);
        return set;
    }

    private static IEnumerable<string> DocumentFiles(string kind) =>
        Directory.GetFiles(Path.Combine(CorpusRoot, kind)).Where(f => !MetaFiles.Contains(Path.GetFileName(f)));

    [Fact]
    public void The_corpus_has_truth_files()
    {
        Assert.NotEmpty(KindNames());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Truth_names_schema_fields_once_per_document(string kind)
    {
        var truth = ReadTruth(kind);
        Assert.NotEmpty(truth);
        var unknown = truth.Where(t => !StandardSchema.Default.Contains(t.Field)).Select(t => $"{t.Document}: {t.Field}").ToList();
        Assert.True(unknown.Count == 0, "unknown field ids:\n" + string.Join("\n", unknown));
        var duplicates = truth.GroupBy(t => (t.Document, t.Field)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        Assert.True(duplicates.Count == 0, "duplicate truth rows:\n" + string.Join("\n", duplicates));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_document_has_truth_and_every_truth_a_document(string kind)
    {
        var documents = DocumentFiles(kind).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var truthDocs = ReadTruth(kind).Select(t => t.Document).ToHashSet();
        Assert.Empty(documents.Except(truthDocs));
        Assert.Empty(truthDocs.Except(documents));
    }

    [Fact]
    public void Document_names_are_unique_across_the_corpus()
    {
        var names = KindNames().SelectMany(DocumentFiles).Select(Path.GetFileNameWithoutExtension).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "document names used twice: " + string.Join(", ", repeated));
    }

    private static readonly Regex Integer = new(@"^-?\d+$");
    private static readonly Regex Decimal = new(@"^-?\d+(\.\d*[1-9])?$");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Values_follow_the_value_rules(string kind)
    {
        var bad = new List<string>();
        foreach (var (doc, field, value) in ReadTruth(kind))
        {
            if (!StandardSchema.Default.Contains(field) || value == "") continue;
            var def = StandardSchema.Default[field];
            if (field == "meta.format")
            {
                if (value is not ("2019" or "2021" or "mixed")) bad.Add($"{doc} {field}={value}");
                continue;
            }
            if (def.Type == FieldType.Text) continue;
            // A numeric cell may hold a sentence (kept as text); a value that starts like a number must be one.
            var numeric = char.IsAsciiDigit(value[0]) || (value[0] == '-' && value.Length > 1 && char.IsAsciiDigit(value[1]));
            if (!numeric) continue;
            var ok = def.Type == FieldType.Int ? Integer.IsMatch(value) : Decimal.IsMatch(value);
            if (!ok && value.Length < 12) bad.Add($"{doc} {field}={value}");
            if (value.Length > 1 && value[0] == '0' && value[1] != '.') bad.Add($"{doc} {field}={value} (leading zero)");
        }
        Assert.True(bad.Count == 0, "values against the value rules:\n" + string.Join("\n", bad));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_document_has_meta_and_fields_of_its_formats(string kind)
    {
        var problems = new List<string>();
        foreach (var doc in ReadTruth(kind).GroupBy(t => t.Document))
        {
            var values = doc.ToDictionary(t => t.Field, t => t.Value);
            foreach (var meta in new[] { "meta.agency", "meta.year", "meta.format" })
                if (!values.ContainsKey(meta)) problems.Add($"{doc.Key}: no {meta}");
            if (!values.TryGetValue("meta.format", out var format)) continue;
            var t2 = TableFormat(values, "t2");
            var t3 = TableFormat(values, "t3");
            if (t2 is null || t3 is null) continue;
            var expected = t2 == t3 ? t2.Value.Name() : "mixed";
            if (format != expected) problems.Add($"{doc.Key}: meta.format {format}, tables say {expected}");
            foreach (var field in values.Keys.Where(f => f.StartsWith("t2.") || f.StartsWith("t3.")))
            {
                var f = field.StartsWith("t2.") ? t2.Value : t3.Value;
                if (!StandardSchema.Default[field].In(f)) problems.Add($"{doc.Key}: {field} is not a {f.Name()} field");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A table's format as its truth shows it: a field only one format has decides.</summary>
    private static ReportFormat? TableFormat(Dictionary<string, string> values, string table)
    {
        foreach (var field in values.Keys.Where(f => f.StartsWith(table + ".")))
        {
            var def = StandardSchema.Default[field];
            if (def.Formats.Count == 1) return def.Formats[0];
        }
        return null;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Identities_hold_unless_the_source_breaks_them(string kind)
    {
        var known = KnownInconsistent(kind);
        var problems = new List<string>();
        foreach (var doc in ReadTruth(kind).GroupBy(t => t.Document))
        {
            var values = doc.ToDictionary(t => t.Field, t => t.Value);
            var broken = BrokenIdentities(values);
            if (known.Contains(doc.Key))
            {
                if (broken.Count == 0) problems.Add($"{doc.Key}: listed as a source inconsistency but every identity holds");
            }
            else problems.AddRange(broken.Select(b => $"{doc.Key}: {b}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The identities of DESIGN.md over the truth. An identity is checked only when all its cells are
    /// in the truth and none is blank or text (a blank cell states nothing to add up).
    /// </summary>
    internal static List<string> BrokenIdentities(IReadOnlyDictionary<string, string> values)
    {
        var broken = new List<string>();
        long? V(string f) => values.TryGetValue(f, out var v) && long.TryParse(v, out var n) ? n : null;
        void Check(string what, IEnumerable<string> left, IEnumerable<string> right)
        {
            var l = left.Select(V).ToList();
            var r = right.Select(V).ToList();
            if (l.Concat(r).Any(x => x is null)) return;
            if (l.Sum() != r.Sum()) broken.Add($"{what}: {l.Sum()} != {r.Sum()}");
        }

        var t3 = TableFormat(values.ToDictionary(), "t3") ?? ReportFormat.F2021;
        var template = TableTemplates.T3(t3);
        var resultRows = template.Rows.Select(r => r.Prefix)
            .Where(p => p is not ("t3.new_requests" or "t3.carried_over" or "t3.total_handled" or "t3.carried_forward")).ToList();
        foreach (var c in TableTemplates.ApplicantColumns)
        {
            Check($"t3 column {c}: 新收+上年结转 = 总计+结转下年度",
                [$"t3.new_requests.{c}", $"t3.carried_over.{c}"], [$"t3.total_handled.{c}", $"t3.carried_forward.{c}"]);
            Check($"t3 column {c}: （七）总计 = sum of results", [$"t3.total_handled.{c}"], resultRows.Select(p => $"{p}.{c}"));
        }
        foreach (var row in template.Rows)
            Check($"t3 row {row.Prefix}: 总计 = sum of applicants", [row.FieldId(6)], Enumerable.Range(0, 6).Select(row.FieldId));
        foreach (var row in TableTemplates.T4.Rows)
            Check($"t4 {row.Prefix}: 总计 = sum of results", [row.FieldId(4)], Enumerable.Range(0, 4).Select(row.FieldId));
        return broken;
    }

    [Fact]
    public void The_identity_check_catches_a_broken_row()
    {
        var values = new Dictionary<string, string>
        {
            ["t4.review.upheld"] = "1", ["t4.review.corrected"] = "0", ["t4.review.other"] = "0",
            ["t4.review.pending"] = "0", ["t4.review.total"] = "2",
        };
        Assert.Single(BrokenIdentities(values));
        values["t4.review.total"] = "1";
        Assert.Empty(BrokenIdentities(values));
        values["t4.review.total"] = "";
        Assert.Empty(BrokenIdentities(values));
    }
}
