using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Lines.Html;
using ExtractReports.Pipeline;
using FsCheck;
using FsCheck.Fluent;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// Random reports with random damage (cells dropped or blanked, rows removed or added, digits run
/// together, labels garbled, dropped or in Traditional script, the page cut anywhere), rendered as text
/// dumps and HTML: every field is either right or below the review threshold. A wrong value must never
/// say it is sure. EXTRACTREPORTS_PROPERTY_TESTS sets the number of reports (`./run.sh property N`
/// runs a long one); the test suite runs <see cref="DefaultTests"/>.
/// </summary>
public sealed class DamagedReportProperties
{
    public const int DefaultTests = 400;
    private const double ReviewThreshold = 0.9;

    private static readonly ExtractPipeline Pipeline = PipelineBuilder.CreateDefault().UseReader(new HtmlLineReader()).Build();

    private static int Tests =>
        int.TryParse(Environment.GetEnvironmentVariable("EXTRACTREPORTS_PROPERTY_TESTS"), out var n) && n > 0 ? n : DefaultTests;

    [Fact]
    public void Every_field_of_a_damaged_report_is_right_or_doubtful()
    {
        var property = Prop.ForAll(RandomReports.Arbitrary(), report =>
        {
            var problems = ConfidentlyWrong(report);
            if (problems.Count > 0) throw new Xunit.Sdk.XunitException($"{report}:\n" + string.Join("\n", problems));
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests).WithQuietOnSuccess(true), property);
    }

    /// <summary>An undamaged report is read entirely right, in both renderings: the property is not met by doubting everything.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_undamaged_report_is_all_right_and_sure(bool html)
    {
        for (int seed = 0; seed < 20; seed++)
            foreach (var format in new[] { ReportFormat.F2019, ReportFormat.F2021 })
            {
                var rendered = RandomReports.Render(new RandomReport(format, seed, html, []));
                var result = Pipeline.Run(SourceDocument.FromBytes(rendered.FileName, rendered.Bytes));
                var got = result.Fields.ToDictionary(f => f.Field.FieldId);
                foreach (var e in rendered.Truth)
                {
                    Assert.True(got.TryGetValue(e.Field, out var f), $"{format.Name()} seed {seed}: {e.Field} absent");
                    Assert.True(e.Acceptable.Contains(f!.Field.Value), $"{format.Name()} seed {seed}: {e.Field} = {f.Field.Value}, expected {e.Acceptable.First()}");
                    Assert.True(f.Confidence >= ReviewThreshold, $"{format.Name()} seed {seed}: {e.Field} at {f.Confidence:0.000}");
                }
            }
    }

    internal static List<string> ConfidentlyWrong(RandomReport report)
    {
        var rendered = RandomReports.Render(report);
        var result = Pipeline.Run(SourceDocument.FromBytes(rendered.FileName, rendered.Bytes));
        var got = result.Fields.ToDictionary(f => f.Field.FieldId);
        var problems = new List<string>();
        foreach (var e in rendered.Truth)
        {
            // A field of the other format is absent: nothing is claimed about it.
            if (!got.TryGetValue(e.Field, out var f)) continue;
            if (!e.Acceptable.Contains(f.Field.Value) && f.Confidence >= ReviewThreshold)
                problems.Add($"{e.Field}: got '{f.Field.Value}' ({f.Field.Status.Name()}) at {f.Confidence:0.000}, expected '{string.Join("' or '", e.Acceptable)}'; {f.Field.Evidence}");
        }
        if (got.TryGetValue("meta.format", out var fmt) && fmt.Field.Value != rendered.Format.Name() && fmt.Confidence >= ReviewThreshold
            && result.Fields.Any(x => x.Field.FieldId.StartsWith("t", StringComparison.Ordinal) && x.Field.Value.Length > 0))
            problems.Add($"meta.format: got {fmt.Field.Value} at {fmt.Confidence:0.000}, printed {rendered.Format.Name()}");
        return problems;
    }
}

/// <summary>
/// Per class of damage, the share of fields read right and the number wrong at >= 0.9, over reports from
/// a held-out seed range no fix was tuned on (<see cref="HeldOutSeeds"/> on; the failures fixed came from
/// the property's random seeds), and none of them wrong at >= 0.9. Runs with `./run.sh property`, which
/// prints the table; the test suite passes over it (it is the long, benchmark-style run).
/// </summary>
public sealed class DamageClassFigures(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Value seeds of the held-out reports: fixed, never used while fixing the reader.</summary>
    public const int HeldOutSeeds = 2_000_000_000;

    [Fact]
    public void Figures_per_class_on_held_out_reports()
    {
        if (Environment.GetEnvironmentVariable("EXTRACTREPORTS_PROPERTY_TESTS") is null) return;
        const int perClass = 100;
        output.WriteLine("class\trendering\tfields right\twrong at >= 0.9");
        int confidentlyWrong = 0;
        foreach (var kind in Enum.GetValues<DamageKind>().Cast<DamageKind?>().Prepend(null))
            foreach (var html in new[] { false, true })
            {
                int right = 0, total = 0, sure = 0;
                for (int i = 0; i < perClass; i++)
                {
                    var rng = new Random(HeldOutSeeds + i);
                    var format = rng.Next(2) == 0 ? ReportFormat.F2019 : ReportFormat.F2021;
                    Damage[] damages = kind is { } k ? [new Damage(k, rng.Next(0, 32), rng.Next(0, 7))] : [];
                    var rendered = RandomReports.Render(new RandomReport(format, HeldOutSeeds + i, html, damages));
                    var result = PipelineForFigures.Run(SourceDocument.FromBytes(rendered.FileName, rendered.Bytes));
                    var got = result.Fields.ToDictionary(f => f.Field.FieldId);
                    foreach (var e in rendered.Truth)
                    {
                        total++;
                        if (got.TryGetValue(e.Field, out var f) && e.Acceptable.Contains(f.Field.Value)) right++;
                        else if (f is not null && f.Confidence >= 0.9) sure++;
                    }
                }
                output.WriteLine($"{kind?.ToString() ?? "none"}\t{(html ? "html" : "text")}\t{right}/{total} ({(double)right / total:P2})\t{sure}");
                confidentlyWrong += sure;
            }
        Assert.Equal(0, confidentlyWrong);
    }

    private static readonly ExtractPipeline PipelineForFigures = PipelineBuilder.CreateDefault().UseReader(new HtmlLineReader()).Build();
}

/// <summary>Cases the long property run (`./run.sh property`) falsified once, kept so they stay fixed.</summary>
public sealed class DamagedReportRegressions
{
    public static TheoryData<RandomReport> Cases() => new()
    {
        // The total's cell blanked twice: the identities fix it as first printed (the generator once forgot that value).
        new RandomReport(ReportFormat.F2019, 1491870361, true, [new Damage(DamageKind.RemoveRow, 4, 6), new Damage(DamageKind.BlankCell, 29, 6), new Damage(DamageKind.BlankCell, 29, 6)]),
        // A row removed, the next one's label dropped and a row the schema lacks after it: as many groups as rows
        // between the labelled rows, but the unlabelled one may be either row (its zeros were sure at 0.995).
        new RandomReport(ReportFormat.F2019, 1840828754, false, [new Damage(DamageKind.DropLabel, 22, 3), new Damage(DamageKind.RemoveRow, 21, 0), new Damage(DamageKind.AddRow, 22, 3), new Damage(DamageKind.DropCell, 1, 5)]),
        // Two cells run together, then that cell dropped: the row is printed bare, so blank is what it says
        // (the generator once kept the second cell's value as the only right one).
        new RandomReport(ReportFormat.F2019, 246436076, true, [new Damage(DamageKind.RunTogether, 6, 6), new Damage(DamageKind.DropCell, 6, 5)]),
        // A label's `)` garbled (`(二某部分公开(区分…)0004004`): the unclosed bracket made the row's digits a note,
        // and the row was read blank at 1.0.
        new RandomReport(ReportFormat.F2021, 9797347, true, [new Damage(DamageKind.DropLabel, 35, 2), new Damage(DamageKind.RunTogether, 9, 3), new Damage(DamageKind.Traditional, 16, 6), new Damage(DamageKind.GarbleLabel, 9, 2)]),
        // A row the schema lacks taken for a row the report left out, and a cell dropped further down the column:
        // the stray row's value made the column add up with the dropped cell's value put in the wrong column
        // (t3.withheld.security_stability.other_org 0 for 2 at 1.0).
        new RandomReport(ReportFormat.F2021, 1435881430, true, [new Damage(DamageKind.RemoveRow, 11, 5), new Damage(DamageKind.AddRow, 10, 4), new Damage(DamageKind.DropLabel, 7, 1), new Damage(DamageKind.DropCell, 12, 5)]),
        // Two cells run together, then that cell blanked: the second cell's value went with it (the generator once
        // kept it as the only right one).
        new RandomReport(ReportFormat.F2019, 403628771, false, [new Damage(DamageKind.RunTogether, 6, 6), new Damage(DamageKind.GarbleLabel, 11, 3), new Damage(DamageKind.BlankCell, 6, 3)]),
        // 一's label dropped, 二's garbled in 上年结转 (`二、上某结转…`): the garbled label named 一 through the words both rows print
        // (新收政府信息公开申请 at 0.8), so 一's values were dropped and 二's put in 一 at 1.0.
        new RandomReport(ReportFormat.F2019, 361220277, false, [new Damage(DamageKind.GarbleLabel, 2, 1), new Damage(DamageKind.GarbleLabel, 9, 3), new Damage(DamageKind.DropLabel, 8, 2), new Damage(DamageKind.GarbleLabel, 23, 1)]),
        new RandomReport(ReportFormat.F2021, 46239486, false, [new Damage(DamageKind.GarbleLabel, 7, 5), new Damage(DamageKind.RemoveRow, 6, 2)]),
        // (六)其他处理's label dropped and two stray rows in a 2019 table 三: 25 groups, the 2021 form's count, made the report
        // `mixed` at 1.0.
        new RandomReport(ReportFormat.F2019, 1444216773, false, [new Damage(DamageKind.AddRow, 17, 2), new Damage(DamageKind.RunTogether, 12, 0), new Damage(DamageKind.DropLabel, 28, 4), new Damage(DamageKind.AddRow, 26, 4)]),
        new RandomReport(ReportFormat.F2019, 970920821, true, [new Damage(DamageKind.DropLabel, 28, 0), new Damage(DamageKind.RunTogether, 26, 1), new Damage(DamageKind.AddRow, 8, 1), new Damage(DamageKind.AddRow, 12, 3)]),
        // A row short of a cell read `1 _ 0 2 0 3` into its first columns chose 3.其他's dropped cell: its 3 in the wrong
        // column made other_org's column add up with 3.其他's 3 re-inserted as 0 (0 for 3 at 1.0).
        new RandomReport(ReportFormat.F2021, 1258927562, false, [new Damage(DamageKind.DropCell, 28, 0), new Damage(DamageKind.BlankCell, 23, 2), new Damage(DamageKind.DropCell, 23, 0)]),
        // Table 四 one cell short and a stray row after it: the stray's first value filled table 四's row, whose last block
        // held by chance (0 1 1 2 for 0 0 1 1 at 1.0).
        new RandomReport(ReportFormat.F2019, 1202953986, true, [new Damage(DamageKind.DropCell, 31, 1), new Damage(DamageKind.RemoveRow, 6, 1), new Damage(DamageKind.RunTogether, 18, 1), new Damage(DamageKind.AddRow, 31, 5)]),
        // Table 二's `规范性文件  1202` (two blank cells lost with the row's boundaries) cut into three values, 2 last either way, at 1.0.
        new RandomReport(ReportFormat.F2019, 282904578, true, [new Damage(DamageKind.RunTogether, 1, 6), new Damage(DamageKind.BlankCell, 1, 4), new Damage(DamageKind.CutAfter, 15, 3)]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Falsified_once_right_or_doubtful_now(RandomReport report) =>
        Assert.Empty(DamagedReportProperties.ConfidentlyWrong(report));
}

/// <summary>
/// Random damaged reports over a fixed range of report numbers, none with a field wrong at >= 0.9. The property draws new
/// reports each run and stops at its first failure, so it tells that the rate is not zero, not what it is; this range is the
/// same on every run and branch, so it is a regression test (reports 0-2,999 by default, each drawn from its number as the
/// property draws them) and, with EXTRACTREPORTS_DAMAGE_RATE=START:COUNT, the measure of the rate: every failing report is
/// written, with its problems, to EXTRACTREPORTS_DAMAGE_RATE_OUT (default damage-rate.txt in the test's folder).
/// </summary>
public sealed class DamageRate(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Reports_with_a_field_wrong_and_sure()
    {
        var measuring = Environment.GetEnvironmentVariable("EXTRACTREPORTS_DAMAGE_RATE");
        var range = (measuring ?? "0:3000").Split(':');
        int start = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        int count = int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
        var failing = new System.Collections.Concurrent.ConcurrentBag<(int Number, string Line)>();
        Parallel.For(start, start + count, i =>
        {
            var report = Draw(i);
            var problems = DamagedReportProperties.ConfidentlyWrong(report);
            if (problems.Count > 0) failing.Add((i, $"{i}\t{report}\t{string.Join(" || ", problems)}"));
        });
        var lines = failing.OrderBy(f => f.Number).Select(f => f.Line).ToList();
        output.WriteLine($"{failing.Count} of {count} reports with a field wrong at >= 0.9");
        if (measuring is not null)
        {
            var path = Environment.GetEnvironmentVariable("EXTRACTREPORTS_DAMAGE_RATE_OUT") ?? "damage-rate.txt";
            File.WriteAllLines(path, lines.Prepend($"# reports {start}..{start + count - 1}: {failing.Count} with a field wrong at >= 0.9"));
            return;
        }
        Assert.True(lines.Count == 0, string.Join("\n", lines));
    }

    /// <summary>Report number <paramref name="i"/>: a format, a value seed, a rendering and up to four damages, as <see cref="RandomReports.Arbitrary"/> draws them.</summary>
    public static RandomReport Draw(int i)
    {
        var rng = new Random(i * 7919 + 13);
        var kinds = Enum.GetValues<DamageKind>();
        var format = rng.Next(2) == 0 ? ReportFormat.F2019 : ReportFormat.F2021;
        int seed = rng.Next(0, int.MaxValue - 1);
        bool html = rng.Next(2) == 1;
        var damages = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => new Damage(kinds[rng.Next(kinds.Length)], rng.Next(0, 41), rng.Next(0, 7))).ToArray();
        return new RandomReport(format, seed, html, damages);
    }
}
