using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Reads table 三 from its region: row groups aligned to both formats' row sequences (the better
/// alignment decides the format), each row's readings enumerated, one picked per row by the identities.
/// </summary>
public static partial class T3Reader
{
    public const int Columns = 7;

    /// <summary>The sum each row states about itself: 总计, the last column, is the sum of the applicant columns.</summary>
    private static readonly IReadOnlyList<RowSum> RowTotal = RowSum.LastIsTotal(Columns);

    /// <param name="closed">The region ends where table 四 begins, not where the page was cut: its last label is a whole row.</param>
    public static TableReading? Read(IReadOnlyList<Token> region, ReportFormat? hint, AlignerOptions? options = null, bool closed = false)
    {
        // A whole grid gives its rows by the cells' places, whatever they read; else the token stream is cut into rows.
        var groups = GridRows.Groups(region, Columns) ?? SplitStacked(RowGrouper.Group(region, sentencesAreValues: false));
        var alone = LabelsAlone(region, closed);
        if (groups.Count == 0) return BlankTable(alone, hint);
        // Both formats share most rows: match each group against each row once.
        var matches = new (double Strong, double Weak)[groups.Count][];
        for (int i = 0; i < groups.Count; i++) matches[i] = groups[i].Match(BothFormatsRows);
        (double, double) Match(int i, TemplateRow row) => matches[i][RowIndex[row]];
        var a19 = RowAligner.Align(groups, TableTemplates.T3F2019, Columns, options, Match);
        var a21 = RowAligner.Align(groups, TableTemplates.T3F2021, Columns, options, Match);
        if (a19.RowToGroup.Count == 0 && a21.RowToGroup.Count == 0) return null;
        double margin = a21.Score - a19.Score;
        bool certain = Math.Abs(margin) >= 3;
        int rowsFound = groups.Count - StrayRows(groups, options ?? AlignerOptions.Default);
        var alignment = certain ? (margin > 0 ? a21 : a19) : (TieFormat(region, rowsFound, hint) == ReportFormat.F2019 ? a19 : a21);
        var format = alignment.Template.Format;

        var centers = RowCandidates.LearnColumnCenters(alignment.RowToGroup.Values, Columns);
        var placed = alignment.RowToGroup.Concat(BlankRows(alignment, alone)).OrderBy(kv => kv.Key).ToList();
        var rows = placed
            .Select(kv => (alignment.Template.Rows[kv.Key], kv.Value, RowCandidates.For(kv.Value, Columns, RowTotal, centers)))
            .ToList();
        var doubtful = DoubtfulPlacements(alignment, groups, options ?? AlignerOptions.Default);
        var byOrder = PlacedByOrder(alignment, region, options ?? AlignerOptions.Default);
        var chosen = CandidateSelector.Select(rows, TableIdentities.ForT3(format), doubtful);
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, centers is not null, doubtful.Contains(c.Group), byOrder.Contains(c.Group))).ToList();
        return new TableReading("t3", format, certain, cells, centers is null ? "aligned" : "aligned+positions");
    }

    /// <summary>
    /// The format of a table 三 whose rows fit both forms as well (their labels too garbled to tell, the rows the forms differ
    /// in not found): the rows only the 2021 form prints named anywhere in the region (逾期不补正, 收费通知, read apart from any
    /// row); else the number of rows found, when it is one form's row count (23 or 25: the forms have fixed shapes); else
    /// table 二's format, and 2021 without one. Rows found are the groups but the stray rows among them (<see cref="StrayRows"/>):
    /// two in a 2019 table 三 made 25 rows and a mixed report at 1.0 (random damaged reports, 2026-12-04).
    /// Measured 2026-12-03: hzq2023_working (a 2019 table 三 beside a 2021 table 二)
    /// at 150 and 200 dpi bilevel gave 2021 from table 二 with 23 rows found and no 2021 label in its table; the 2021 form's
    /// own labels read at those scans (pdf-01: `逾期不补正、行路机关…`, `…逾期林按了收费通知…`). The format stays a guess
    /// (<see cref="TableReading.FormatCertain"/> false) either way.
    /// </summary>
    private static ReportFormat TieFormat(IReadOnlyList<Token> region, int rowsFound, ReportFormat? hint)
    {
        foreach (var t in region)
            if (t.Kind is TokenKind.Text or TokenKind.Sentence && PreparedLabel.Of(t.Norm) is var label
                && Only2021Rows.Any(r => r.NormalizedKeys.Any(k => LabelText.Match(label, k) >= MinLabelMatch)))
                return ReportFormat.F2021;
        if (rowsFound == TableTemplates.T3F2019.Rows.Count) return ReportFormat.F2019;
        if (rowsFound == TableTemplates.T3F2021.Rows.Count) return ReportFormat.F2021;
        return hint == ReportFormat.F2019 ? ReportFormat.F2019 : ReportFormat.F2021;
    }

    /// <summary>
    /// Groups that are rows the schema lacks (其他事项, （八）其他说明): their own label names no row, and the groups on either
    /// side are labelled with rows next to each other in a form, so no row is left between them for it. A group whose label
    /// is garbled past reading among other such groups (a fax-like scan) may be any row, and is no stray.
    /// </summary>
    private static int StrayRows(IReadOnlyList<RowGroup> groups, AlignerOptions o)
    {
        int stray = 0;
        for (int k = 1; k + 1 < groups.Count; k++)
            if (NamesNoRow(groups[k], BothFormatsRows, o)
                && new[] { TableTemplates.T3F2019, TableTemplates.T3F2021 }.Any(t => LabelledRow(groups[k - 1], t, o) is >= 0 and var before
                    && LabelledRow(groups[k + 1], t, o) == before + 1))
                stray++;
        return stray;
    }

    /// <summary>The row of <paramref name="template"/> a group's own label names best, or -1.</summary>
    private static int LabelledRow(RowGroup group, TableTemplate template, AlignerOptions o)
    {
        int found = -1;
        double best = o.MinMatch;
        for (int r = 0; r < template.Rows.Count; r++)
            if (group.Match(template.Rows[r]).Strong is var m && m >= best && (found < 0 || m > best)) (found, best) = (r, m);
        return found;
    }

    /// <summary>The rows only the 2021 form prints whose labels name them alone; its third, `3.其他`, might be anything's.</summary>
    private static readonly TemplateRow[] Only2021Rows = TableTemplates.T3F2021.Rows
        .Where(r => !TableTemplates.T3F2019.Rows.Contains(r) && !IsCatchAll(r)).ToArray();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,2}[.、]")]
    private static partial System.Text.RegularExpressions.Regex OpeningOrdinal();

    /// <summary>Least number of rows named by labels alone that make a table printed blank (an empty template), rather than a passage naming rows.</summary>
    private const int MinBlankRowsOfEmptyTable = 3;

    /// <summary>
    /// Label cells followed by another label (blank cells aside) rather than by values: rows printed
    /// with every cell blank, whose blank cells the dump may have dropped. The region's last label is
    /// one only when the region is closed (a cut page may end right after a label).
    /// </summary>
    private static IReadOnlyList<LabelAlone> LabelsAlone(IReadOnlyList<Token> region, bool closed)
    {
        // In table 三 a cell with words and an opening ordinal is a label too (`5.要求行政机关确认或重`, cut by
        // a wrap, reads as a sentence); one with other digits holds values run into its label.
        static bool IsLabel(Token t) => t.Kind == TokenKind.Text
            || t.Kind == TokenKind.Sentence && !OpeningOrdinal().Replace(t.Norm, "").Any(char.IsAsciiDigit);
        var alone = new List<LabelAlone>();
        for (int i = 0; i < region.Count; i++)
        {
            if (!IsLabel(region[i])) continue;
            int next = i + 1;
            while (next < region.Count && region[next] is { Kind: TokenKind.Blank, Placeholder: false }) next++;
            if (next < region.Count ? IsLabel(region[next]) : closed) alone.Add(LabelAlone.At(region, i));
        }
        return alone;
    }

    /// <summary>
    /// The rows of <paramref name="template"/> that labels alone name, each with the label: a label
    /// wrapped over two lines (`5.要求行政机关确认或重` / `新出具已获取信息`) names its row joined.
    /// </summary>
    private static IEnumerable<(int Row, Token Label, RowGroup Blank)> NamedRows(IReadOnlyList<LabelAlone> alone, TableTemplate template)
    {
        for (int i = 0; i < alone.Count; i++)
        {
            var label = alone[i].Label;
            int row = NamedRow(label.Norm, template);
            if (row < 0 && i + 1 < alone.Count && alone[i + 1].Label.Line - label.Line == 1
                && NamedRow(label.Norm + alone[i + 1].Label.Norm, template) is >= 0 and var joined)
            {
                yield return (joined, alone[i + 1].Label, BlankEvidence.BlankRow(alone[i + 1].Label.Norm, alone[i], alone[i + 1]));
                i++;
                continue;
            }
            if (row >= 0) yield return (row, label, BlankEvidence.BlankRow(label.Norm, alone[i]));
        }
    }

    /// <summary>
    /// The row of <paramref name="template"/> a label names alone: the only row one of whose keys it holds
    /// best, exactly or nearly (OCR's `结志转下年度` for 结转下年度, as the aligner matches labels).
    /// </summary>
    private static int NamedRow(string label, TableTemplate template)
    {
        var prepared = PreparedLabel.Of(label);
        int found = -1;
        double best = MinLabelMatch;
        bool tie = false;
        for (int r = 0; r < template.Rows.Count; r++)
        {
            double match = template.Rows[r].NormalizedKeys.Max(k => LabelText.Match(prepared, k));
            if (match > best) { best = match; found = r; tie = false; }
            else if (match == best && found >= 0) tie = true;
        }
        return tie ? -1 : found;
    }

    /// <summary>How well a label printed alone must name its row (the aligner's default <see cref="AlignerOptions.MinMatch"/>).</summary>
    private const double MinLabelMatch = 0.75;

    /// <summary>
    /// Rows the alignment left without a group whose label is printed alone between the rows around
    /// them: rows printed blank (status blank, never missing). The label must sit after the values of
    /// the row before and before those of the row after, so a label cut off from its values is not one.
    /// </summary>
    private static IEnumerable<KeyValuePair<int, RowGroup>> BlankRows(Alignment alignment, IReadOnlyList<LabelAlone> alone)
    {
        foreach (var (row, label, blank) in NamedRows(alone, alignment.Template))
        {
            if (alignment.RowToGroup.ContainsKey(row)) continue;
            int before = alignment.RowToGroup.Where(kv => kv.Key < row && kv.Value.Slots.Count > 0).Select(kv => kv.Value.Slots[^1].Line).DefaultIfEmpty(-1).Max();
            int after = alignment.RowToGroup.Where(kv => kv.Key > row && kv.Value.Slots.Count > 0).Select(kv => kv.Value.Slots[0].Line).DefaultIfEmpty(int.MaxValue).Min();
            if (label.Line > before && label.Line < after)
                yield return new(row, blank);
        }
    }

    /// <summary>
    /// A table 三 printed without a single number (an empty template): every row named by a label alone
    /// is blank. The format is the one whose rows the labels name more (2021's three rows under （六）
    /// against 2019's one), else table 二's.
    /// </summary>
    private static TableReading? BlankTable(IReadOnlyList<LabelAlone> alone, ReportFormat? hint)
    {
        Dictionary<int, RowGroup> Named(TableTemplate t)
        {
            var named = new Dictionary<int, RowGroup>();
            foreach (var (row, _, blank) in NamedRows(alone, t)) named.TryAdd(row, blank);
            return named;
        }
        var n19 = Named(TableTemplates.T3F2019);
        var n21 = Named(TableTemplates.T3F2021);
        if (Math.Max(n19.Count, n21.Count) < MinBlankRowsOfEmptyTable) return null;
        bool is19 = n19.Count != n21.Count ? n19.Count > n21.Count : hint == ReportFormat.F2019;
        var (template, named) = is19 ? (TableTemplates.T3F2019, n19) : (TableTemplates.T3F2021, n21);
        var rows = named.OrderBy(kv => kv.Key)
            .Select(kv => (template.Rows[kv.Key], kv.Value, RowCandidates.For(kv.Value, Columns, RowTotal))).ToList();
        var cells = CandidateSelector.Select(rows, []).SelectMany(c => CellAssembler.Cells(c, false)).ToList();
        return new TableReading("t3", template.Format, n19.Count != n21.Count, cells, "labels printed blank");
    }

    /// <summary>
    /// Groups whose own label names no row: those with a label that names another thing, and those
    /// placed by order between two labelled rows (or the table's ends) where the rows and the groups
    /// between those anchors differ in number (a row absent or a stray row added), so the group may
    /// belong to a neighbouring row.
    /// </summary>
    private static HashSet<RowGroup> DoubtfulPlacements(Alignment alignment, IReadOnlyList<RowGroup> groups, AlignerOptions o)
    {
        var doubtful = new HashSet<RowGroup>(ReferenceEqualityComparer.Instance);
        var rows = alignment.Template.Rows;
        bool Anchored(int row) => alignment.RowToGroup.TryGetValue(row, out var g) && g.Match(rows[row]).Strong >= o.MinMatch;
        foreach (var (row, group) in alignment.RowToGroup)
        {
            if (Anchored(row)) continue;
            // A group with a label of its own that names no row is a row the schema lacks (其他说明) as
            // likely as the row it was put in.
            if (group.Match(rows[row]).Strong < o.MinMatch && group.StrongLabel.Any(Tokenizer.IsCjk)) { doubtful.Add(group); continue; }
            int before = row - 1, after = row + 1;
            while (before >= 0 && !Anchored(before)) before--;
            while (after < rows.Count && !Anchored(after)) after++;
            int firstGroup = before >= 0 ? alignment.RowToGroup[before].Order + 1 : 0;
            int endGroup = after < rows.Count ? alignment.RowToGroup[after].Order : groups.Count;
            int rowsBetween = after - before - 1, groupsBetween = endGroup - firstGroup;
            // As many groups as rows only places them when none of the groups may be a stray row: a
            // row the schema lacks between them (其他主动公开文件) makes the count match with one row absent.
            bool strayBetween = false;
            for (int k = firstGroup; k < endGroup && !strayBetween; k++) strayBetween = NamesNoRow(groups[k], rows, o);
            if (rowsBetween != groupsBetween || strayBetween) doubtful.Add(group);
        }
        return doubtful;
    }

    /// <summary>
    /// Groups read by an engine (OCR) whose own label does not name the row they were put in: placed by their order among
    /// the rows whose labels did (a label read as garbage, or no label). Their place is as sure as the count of rows
    /// between those anchors, which a row lost or a stray line added in the same stretch breaks unseen, and no identity
    /// checks it: (七)总计 is the sum of the result rows in any order. So their values say so
    /// (<c>label_unconfirmed</c>, bounded in <see cref="Scoring.DoubtCaps"/>). A text layer reads its labels as printed.
    /// So are groups read on a line whose labels name two rows: the labels of rows whose ruling a fax-like scan lost read as
    /// one cell beside one row of values, and which row's values they are, the label it took or the other, nothing says
    /// (measured 2026-12-04 on the scan-conditions matrix, 200-bilevel-hairline tuned: 3.危及"三安全一稳定"'s zeros, read on
    /// the line of 3.危及… 4.保护第三方合法权益, put in row 4 at confidence 1).
    /// </summary>
    private static HashSet<RowGroup> PlacedByOrder(Alignment alignment, IReadOnlyList<Token> region, AlignerOptions o)
    {
        var rows = alignment.Template.Rows;
        // Only an engine's groups are looked at: a text layer's table (most documents) needs no label matched here.
        if (!alignment.RowToGroup.Values.Any(g => g.Slots.Any(s => s.Glyphs is not null))) return new(ReferenceEqualityComparer.Instance);
        var lines = region.Where(t => t.Kind == TokenKind.Text).GroupBy(t => t.Line)
            .Where(line => line.Select(t => NamedRow(t, rows, o)).OfType<TemplateRow>().Distinct().Count() > 1 || line.Any(t => NamesTwoRows(t, rows)))
            .Select(line => line.Key).ToHashSet();
        return new(alignment.RowToGroup
            .Where(kv => kv.Value.Slots.Any(s => s.Glyphs is not null)
                && (kv.Value.Match(rows[kv.Key]).Strong < o.MinMatch || kv.Value.Slots.Any(s => lines.Contains(s.Line))))
            .Select(kv => kv.Value), ReferenceEqualityComparer.Instance);
    }

    /// <summary>The row a label token names best, when it names one (a catch-all aside); a token's best only, since a label
    /// shares words with others (上年结转政府信息公开申请数量 with 本年新收政府信息公开申请数量).</summary>
    private static TemplateRow? NamedRow(Token label, IReadOnlyList<TemplateRow> rows, AlignerOptions o)
    {
        var prepared = PreparedLabel.Of(label.Norm);
        TemplateRow? best = null;
        double bestMatch = o.MinMatch;
        foreach (var r in rows)
            if (!IsCatchAll(r) && r.NormalizedKeys.Max(k => LabelText.Match(prepared, k)) is var m && m >= bestMatch && (best is null || m > bestMatch))
                (best, bestMatch) = (r, m);
        return best;
    }

    /// <summary>
    /// A label token that holds the keys of two rows whole: the labels of two rows read as one cell, their ruling lost
    /// (measured 2026-12-04 on the scan-conditions matrix, probe-6 200-bilevel, hzq2023_working: 一、本年新收…数量二、上年结转…数量
    /// as one cell beside 二's zeros, 一's 21 read on a line of its own before table 三's region; the zeros were put in row 一
    /// at confidence 1). Whole keys only: a token's near matches share words with other rows' keys.
    /// </summary>
    private static bool NamesTwoRows(Token label, IReadOnlyList<TemplateRow> rows) =>
        rows.Count(r => !IsCatchAll(r) && r.NormalizedKeys.Any(k => label.Norm.Contains(k, StringComparison.Ordinal))) > 1;

    /// <summary>A row whose label is a catch-all (其他, 3.其他): a section's heading beside another row's label
    /// ((六)其他处理 beside 2.申请人逾期未按收费通知…) names it too, so it does not tell of two rows read as one.</summary>
    private static bool IsCatchAll(TemplateRow row) => row.NormalizedKeys.Any(k => k.Contains("其他"));

    /// <summary>A group with a label of its own (words, not just an ordinal) that names none of <paramref name="rows"/>.</summary>
    private static bool NamesNoRow(RowGroup group, IReadOnlyList<TemplateRow> rows, AlignerOptions o) =>
        group.StrongLabel.Any(Tokenizer.IsCjk) && rows.All(r => group.Match(r).Strong < o.MinMatch);

    /// <summary>Values of several unlabelled rows that ran into one group are cut into rows.</summary>
    private static IReadOnlyList<RowGroup> SplitStacked(IReadOnlyList<RowGroup> groups)
    {
        var result = new List<RowGroup>();
        foreach (var g in groups)
        {
            int n = g.Slots.Count;
            if (g.AllAtomic && n > Columns && n % Columns == 0)
                for (int k = 0; k < n / Columns; k++)
                {
                    var slots = g.Slots.Skip(k * Columns).Take(Columns).ToArray();
                    result.Add(g with
                    {
                        Slots = slots, StrongLabel = k == 0 ? g.StrongLabel : "", WeakLabel = k == 0 ? g.WeakLabel : "",
                        EmptyCells = g.EmptyCells.Where(e => slots.Any(s => s.Line == e.Line)).ToArray(),
                    });
                }
            else result.Add(g);
        }
        for (int i = 0; i < result.Count; i++)
            if (result[i].Order != i) result[i] = result[i] with { Order = i };
        return result;
    }

    /// <summary>The rows of both formats' templates, each row object once (the formats share most of them).</summary>
    private static readonly TemplateRow[] BothFormatsRows =
        TableTemplates.T3F2019.Rows.Concat(TableTemplates.T3F2021.Rows).Distinct<TemplateRow>(ReferenceEqualityComparer.Instance).ToArray();

    /// <summary>Where each row object is in <see cref="BothFormatsRows"/>.</summary>
    private static readonly Dictionary<TemplateRow, int> RowIndex = IndexOf(BothFormatsRows);

    private static Dictionary<TemplateRow, int> IndexOf(TemplateRow[] rows)
    {
        var index = new Dictionary<TemplateRow, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rows.Length; i++) index[rows[i]] = i;
        return index;
    }
}
