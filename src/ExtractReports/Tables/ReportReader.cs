using ExtractReports.Lines;
using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>The table stage: lines of cells in, the three tables reconstructed out.</summary>
public sealed class ReportReader(AlignerOptions? options = null)
{
    private readonly AlignerOptions _options = options ?? AlignerOptions.Default;

    public ReportReading Read(LineDocument document)
    {
        var tokens = Tokenizer.Tokenize(document.Lines);
        var regions = TableRegionFinder.Find(tokens);
        IReadOnlyList<Token> Slice((int Start, int End)? r) =>
            r is { } x ? tokens.Skip(x.Start).Take(x.End - x.Start).ToList() : [];

        var t3Tokens = Slice(regions.T3);
        var t4Tokens = Slice(regions.T4);
        if (regions.T4 is null && t3Tokens.Count > 0) (t3Tokens, t4Tokens) = SplitHeadlessT4(t3Tokens);

        var t2 = regions.T2 is null ? null : T2Reader.Read(Slice(regions.T2), _options);
        var t3 = t3Tokens.Count == 0 ? null : T3Reader.Read(t3Tokens, t2?.Format, _options, closed: regions.T4 is not null);
        bool emptyTemplate = regions.T4 is { } r4 && r4.End < tokens.Count && t3 is { Cells.Count: > 0 } && t3.Cells.All(c => c.Origin == CellOrigin.Blank);
        var t4 = t4Tokens.Count == 0 ? null : T4Reader.Read(t4Tokens, emptyTemplate);
        return new ReportReading(t2, t3, t4) { Printed = PrintedTableFinder.Find(tokens) };
    }

    /// <summary>
    /// A dump that lost table 四's heading (a markdown table cut off before it) leaves its fifteen
    /// numbers after table 三's rows: a trailing group of exactly fifteen values is table 四.
    /// </summary>
    private static (IReadOnlyList<Token> T3, IReadOnlyList<Token> T4) SplitHeadlessT4(IReadOnlyList<Token> t3)
    {
        var groups = RowGrouper.Group(t3, sentencesAreValues: false);
        if (groups.Count < 2 || groups[^1] is not { AllAtomic: true, Slots.Count: T4Reader.Count } last) return (t3, []);
        int line = last.Slots[0].Line;
        return (t3.Where(t => t.Line < line).ToList(), t3.Where(t => t.Line >= line).ToList());
    }
}
