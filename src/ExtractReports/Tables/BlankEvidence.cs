namespace ExtractReports.Tables;

/// <summary>
/// Whether a blank read from a row is known to be blank. OCR gives a blank two ways: a cell looked at and seen empty
/// (no text ink, and no faint ink on the page as scanned), or no cell at all where a value belongs: a column the grid
/// never had, or a row whose digits were never found, so that its label stands alone and reads as a row printed blank.
/// The second is a guess (measured 2026-12-03 on the scan-conditions matrix: 12 printed 0s and 1s read blank at
/// 0.995-1); only the first is evidence. Cells placed by position and rows printed blank have no token of their own for
/// their blank columns: the row's empty cells as read stand witness for them.
/// </summary>
internal static class BlankEvidence
{
    /// <summary>Whether <paramref name="t"/> is an empty cell of a delimited line (not a placeholder, not a blank line).</summary>
    public static bool IsEmptyCell(Token t) => t is { Kind: TokenKind.Blank, Placeholder: false, Cell: >= 0 };

    /// <summary>
    /// Whether the blank columns of <paramref name="reading"/> that have no token of their own are witnessed: the row's
    /// empty cells that are no column's source are at least as many as those columns, and every one was seen empty.
    /// True when there are no such columns.
    /// </summary>
    public static bool Witnessed(RowGroup group, RowCandidate reading)
    {
        if (group.Slots.Count == 0 && group.SeenEmptyAfterLabel) return true;
        int unsourced = 0;
        for (int c = 0; c < reading.Values.Count; c++)
            if (reading.Origins[c] == CellOrigin.Blank && (c >= reading.Sources.Count || reading.Sources[c] is null)) unsourced++;
        if (unsourced == 0) return true;
        var witnesses = group.EmptyCells.Where(e => !reading.Sources.Any(s => ReferenceEquals(s, e))).ToList();
        return witnesses.Count >= unsourced && witnesses.All(e => e.SeenBlank);
    }

    /// <summary>The group of a row printed blank, named by <paramref name="label"/> (its row's label as the reader joined it),
    /// with the evidence read after the label tokens <paramref name="alone"/> that name it. A borderless row's band was seen
    /// empty when it was for every label line of its own (a label sharing its line with another row's label, such as
    /// (五)不予处理 before 1.信访举报投诉类申请, says nothing of this row), and for one at least.</summary>
    public static RowGroup BlankRow(string label, params LabelAlone[] alone) =>
        new([], label, "", TrailingBlankRun: true, Order: -1)
        {
            EmptyCells = [.. alone.SelectMany(a => a.EmptyCells)],
            SeenEmptyAfterLabel = alone.Any(a => a.Label.RowSeenEmptyAfter) && alone.All(a => a.Label.RowSeenEmptyAfter || a.SharesLine),
        };

    /// <summary>Whether a table read as printed blank from its labels alone was seen blank: at least
    /// <paramref name="cells"/> empty cells in its region, every one seen empty.</summary>
    public static bool SeenBlank(IEnumerable<Token> region, int cells)
    {
        var empty = region.Where(IsEmptyCell).ToList();
        return empty.Count >= cells && empty.All(e => e.SeenBlank);
    }
}

/// <summary>A label printed alone (followed by another label, empty cells aside), with the empty cells read after it (its
/// row's, when the row was ruled), and whether that next label is on the same line.</summary>
internal sealed record LabelAlone(Token Label, IReadOnlyList<Token> EmptyCells, bool SharesLine)
{
    /// <summary>The label at <c>region[index]</c> with the empty cells right after it, up to the next token that is neither
    /// an empty cell nor a blank line: its row printed blank, as read.</summary>
    public static LabelAlone At(IReadOnlyList<Token> region, int index)
    {
        var empty = new List<Token>();
        int next = index + 1;
        for (; next < region.Count && region[next] is { Kind: TokenKind.Blank, Placeholder: false }; next++)
            if (region[next].Cell >= 0) empty.Add(region[next]);
        return new(region[index], empty, next < region.Count && region[next].Line == region[index].Line);
    }
}
