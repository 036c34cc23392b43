using System.Runtime.InteropServices;
using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// A row's worth of values as found in the token stream, with the text that labels it.
/// <see cref="StrongLabel"/> is the text on the same line as the values (or, when values sit on lines of
/// their own, the text since the previous group); <see cref="WeakLabel"/> is other text since the
/// previous group (labels a broken dump left floating).
/// </summary>
public sealed record RowGroup(
    IReadOnlyList<Token> Slots,
    string StrongLabel,
    string WeakLabel,
    bool TrailingBlankRun,
    int Order)
{
    /// <summary>
    /// The empty cells of the row as read (not placeholders), its slots' and those the slots leave out (before the first
    /// value on its line, after the last): what says the row's blank columns were there to be seen, for cells that have
    /// no token of their own (placed by position, or a row printed blank). See <see cref="BlankEvidence"/>.
    /// </summary>
    public IReadOnlyList<Token> EmptyCells { get; init; } = [];

    /// <summary>A row printed blank whose band right of its label was looked at on the page and is empty (a borderless row
    /// has no cells to be seen empty): evidence for every blank column of the row.</summary>
    public bool SeenEmptyAfterLabel { get; init; }

    public bool HasRuns => Slots.Any(s => s.Kind == TokenKind.Number && !s.Atomic);
    public bool AllAtomic => !HasRuns;
    public bool IsLabelled => StrongLabel.Length > 0;

    /// <summary>How well the labels name <paramref name="row"/>: strong match in [0,1], weak match in [0,1].</summary>
    public (double Strong, double Weak) Match(TemplateRow row) => Match(row, PreparedLabel.Of(StrongLabel), PreparedLabel.Of(WeakLabel));

    /// <summary><see cref="Match(TemplateRow)"/> for each of <paramref name="rows"/>, with the labels prepared once for all of them.</summary>
    public (double Strong, double Weak)[] Match(IReadOnlyList<TemplateRow> rows)
    {
        var strong = PreparedLabel.Of(StrongLabel);
        var weak = PreparedLabel.Of(WeakLabel);
        var result = new (double, double)[rows.Count];
        for (int j = 0; j < rows.Count; j++) result[j] = Match(rows[j], strong, weak);
        return result;
    }

    /// <summary>The best match of any of the row's keys, for each label (every template row has at least one key).</summary>
    private static (double Strong, double Weak) Match(TemplateRow row, PreparedLabel strong, PreparedLabel weak)
    {
        double bestStrong = 0, bestWeak = 0;
        var keys = row.NormalizedKeys;
        for (int k = 0; k < keys.Count; k++) // (a foreach over the interface would allocate an enumerator, for every pair)
        {
            bestStrong = Math.Max(bestStrong, LabelText.Match(strong, keys[k]));
            bestWeak = Math.Max(bestWeak, LabelText.Match(weak, keys[k]));
        }
        return (bestStrong, bestWeak);
    }
}

/// <summary>Cuts a table region's tokens into row groups.</summary>
public static class RowGrouper
{
    /// <summary>Empty cells a text line needs to count as the rest of the wrapped label above it.</summary>
    public const int MinEmptyCellsOfContinuation = 3;

    /// <summary>
    /// Blank lines after a label, in a dump where each blank line is a blank cell, that make the label
    /// a row printed blank. 3: a row has at least three cells (table 二's smallest has one value, but
    /// its blank rows come out by label in <see cref="T2Reader"/>), and one or two stray blank lines
    /// after a group label are no row.
    /// </summary>
    public const int MinBlankCellsOfBlankRow = 3;

    /// <summary>
    /// An engine's cell that reads as one digit in brackets, `(0)`: a thin digit whose broken outline a fax-like scan read
    /// with brackets beside it, which makes it a bracketed note, not a number (measured 2026-12-04 on the scan-conditions
    /// matrix, probe-7 150-bilevel, pdf-01-2021-serif: four of table 四's fifteen zeros read `(0)`, the row cut at each, and
    /// its values put one to three columns off). Amid a row of numbers it is a value misread: an unknown in its place,
    /// which the row's sums give, not the digit it shows. A text layer stores what was printed.
    /// </summary>
    internal static bool IsBracketedDigit(Token t) =>
        t.Glyphs is not null && t.Norm is [ '(' or '[', >= '0' and <= '9', ')' or ']' ];

    /// <summary>The confidence given to a value cell that read as stray characters.</summary>
    public const double UnreadableConfidence = 0.3;

    /// <param name="sentencesAreValues">In table 二 a sentence in a value cell is the value; in the others it is a note.</param>
    public static IReadOnlyList<RowGroup> Group(IReadOnlyList<Token> tokens, bool sentencesAreValues)
    {
        var perLine = CountPerLine(tokens);
        bool blankLinesAreCells = BlankLinesAreCells(perLine);
        var groups = new List<RowGroup>();
        var slots = new List<Token>();
        var textSince = new List<Token>();
        string strong = "", weak = "";
        int lastValueLine = -1, blankRun = 0;
        // Lines that are one empty cell (`|` alone) between a row's label and its first value: blank
        // cells of a one-cell-per-line dump, which belong to the row only once a value shows there is one.
        var leadingBlanks = new List<Token>();
        // Blank lines right after a label in a dump where a blank line is a blank cell: the label's row
        // printed without numbers, once the next label shows that no value follows.
        int blankCellsAfterLabel = 0;

        // Empty cells of the open row (or, before it opens, since the last label) that the slots do not keep.
        var emptyCells = new List<Token>();
        var emptyBeforeRow = new List<Token>();

        void Close()
        {
            if (slots.Count == 0) return;
            while (slots.Count > 0 && slots[^1].Kind == TokenKind.Blank && !slots[^1].Placeholder)
            {
                if (slots[^1].Cell >= 0) emptyCells.Add(slots[^1]);
                slots.RemoveAt(slots.Count - 1);
            }
            if (slots.Count > 0)
                groups.Add(new RowGroup(slots.ToArray(), strong, weak, blankRun >= 2, groups.Count)
                {
                    EmptyCells = [.. slots.Where(s => s is { Kind: TokenKind.Blank, Placeholder: false, Cell: >= 0 }), .. emptyCells],
                });
            slots.Clear();
            emptyCells.Clear();
            blankRun = 0;
        }

        int NumbersOn(int line) => perLine.GetValueOrDefault(line).Numbers;
        // A text line of a delimited table whose other cells are all empty, right after a row of values.
        var contentLines = tokens.Where(t => t.Cell >= 0).Select(t => t.Line).Distinct().Order().ToList();
        int PreviousContentLine(int line)
        {
            int i = contentLines.BinarySearch(line);
            return i > 0 ? contentLines[i - 1] : -1; // blank lines (a page break) in between do not count
        }
        bool IsUnreadableValue(Token t) =>
            slots.Count > 0 && t.Line == lastValueLine && t.Cell >= 0 && NumbersOn(t.Line) >= 3
            && (t.Norm.Length <= 2 && !LabelKeys.Mentions(t.Norm) && !t.Norm.Any(char.IsAsciiDigit) || IsBracketedDigit(t));
        // The one empty cell of a line holding at most one value: a blank cell of a one-cell-per-line dump.
        bool IsEmptyCellLine(Token t) =>
            t.Cell == 0 && perLine.GetValueOrDefault(t.Line) is { Contents: <= 1, EmptyCells: 1 };
        bool IsLabelContinuation(Token t) =>
            NumbersOn(t.Line) == 0 && NumbersOn(PreviousContentLine(t.Line)) > 0 && perLine.GetValueOrDefault(t.Line).Texts == 1
            && perLine.GetValueOrDefault(t.Line).EmptyCells >= MinEmptyCellsOfContinuation;

        foreach (var t in tokens)
        {
            bool isValue = t.Kind == TokenKind.Number || t.Kind == TokenKind.Sentence && sentencesAreValues
                           || t.Kind == TokenKind.Blank && t.Placeholder;
            if (t.Kind == TokenKind.Text && IsUnreadableValue(t))
            {
                // A cell of one or two stray characters amid a row of numbers is a value the engine
                // misread (OCR: `1` as `于`): an unknown in its place, not a label ending the row.
                slots.Add(t with { Kind = TokenKind.Blank, Confidence = Math.Min(t.Confidence, UnreadableConfidence) });
                continue;
            }
            if (t.Kind == TokenKind.Text || t.Kind == TokenKind.Sentence && !sentencesAreValues)
            {
                Close();
                leadingBlanks.Clear();
                emptyBeforeRow.Clear();
                if (blankCellsAfterLabel >= MinBlankCellsOfBlankRow && textSince.Count > 0)
                {
                    groups.Add(new RowGroup([], string.Concat(textSince.Select(x => x.Norm)), "", TrailingBlankRun: true, groups.Count));
                    textSince.Clear();
                }
                blankCellsAfterLabel = 0;
                if (IsLabelContinuation(t) && groups.Count > 0 && textSince.Count == 0)
                {
                    // The rest of a wrapped label, on a line of its own right under its row (its value cells
                    // empty), belongs to that row, not to the next one.
                    groups[^1] = groups[^1] with { StrongLabel = groups[^1].StrongLabel + t.Norm };
                    continue;
                }
                textSince.Add(t);
                continue;
            }
            if (t.Kind == TokenKind.Blank && !t.Placeholder)
            {
                if (slots.Count == 0)
                {
                    if (t.Cell >= 0) emptyBeforeRow.Add(t);
                    if (IsEmptyCellLine(t)) leadingBlanks.Add(t);
                    else if (blankLinesAreCells && t.Cell < 0 && textSince.Count > 0) blankCellsAfterLabel++;
                    continue;
                }
                if (t.Cell >= 0)
                {
                    if (lastValueLine == t.Line || IsEmptyCellLine(t)) slots.Add(t);
                    else emptyBeforeRow.Add(t); // a line of values after this row's may be a row of its own
                }
                else if (blankLinesAreCells) slots.Add(t);
                else blankRun++;
                continue;
            }
            if (!isValue) continue;
            if (slots.Count > 0 && t.Line != lastValueLine
                && (NumbersOn(t.Line) >= 2 || NumbersOn(lastValueLine) >= 2))
                Close();
            bool startsRow = slots.Count == 0;
            if (startsRow)
            {
                // A row printed on one line is labelled by the text on that line only; text on the lines
                // above is a label that floated away in a broken dump, so it counts as weak evidence.
                // Values one per line are labelled by the text just before them.
                var sameLine = textSince.Where(x => x.Line == t.Line).ToList();
                var strongTokens = sameLine.Count > 0 || NumbersOn(t.Line) >= 2 ? sameLine : textSince;
                var previous = groups.Count > 0 ? groups[^1] : null;
                if (textSince.Count == 0 && previous is { Slots.Count: 1 })
                {
                    // A lone number between a label and a row (a stray footnote or page mark) must not take
                    // the label from the row: both carry it and the aligner keeps the one that fits.
                    strong = previous.StrongLabel;
                    weak = previous.WeakLabel;
                }
                else
                {
                    strong = string.Concat(strongTokens.Select(x => x.Norm));
                    weak = string.Concat(textSince.Except(strongTokens).Select(x => x.Norm));
                }
                textSince.Clear();
            }
            if (!blankLinesAreCells && blankRun >= 2 && slots.Count > 0 && t.Line != lastValueLine)
            {
                // A long run of blank lines between single values ends a row in one-cell-per-line dumps.
                Close();
                strong = ""; weak = "";
            }
            blankRun = 0;
            blankCellsAfterLabel = 0;
            if (startsRow && NumbersOn(t.Line) == 1) slots.AddRange(leadingBlanks);
            // The row's empty cells before its first value, on its line (a leading blank line's cell is a slot already).
            if (startsRow) emptyCells.AddRange(emptyBeforeRow.Where(e => e.Line == t.Line && !slots.Contains(e)));
            emptyBeforeRow.Clear();
            leadingBlanks.Clear();
            slots.Add(t);
            lastValueLine = t.Line;
        }
        Close();
        return groups;
    }

    /// <summary>What the tokens of one line are, counted once for every rule that asks.</summary>
    private struct LineCounts
    {
        public int Numbers;
        public int Texts;
        /// <summary>Empty cells of a delimited line (a placeholder such as — is a value, not empty).</summary>
        public int EmptyCells;
        /// <summary>Numbers, texts and sentences.</summary>
        public int Contents;
        /// <summary>The first of <see cref="Contents"/> is a number that filled its cell.</summary>
        public bool StartsWithAtomicNumber;
    }

    private static Dictionary<int, LineCounts> CountPerLine(IReadOnlyList<Token> tokens)
    {
        var counts = new Dictionary<int, LineCounts>();
        foreach (var t in tokens)
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, t.Line, out _);
            if (t.Kind == TokenKind.Number) c.Numbers++;
            if (t.Kind == TokenKind.Text) c.Texts++;
            if (t.Kind == TokenKind.Blank && t.Cell >= 0 && !t.Placeholder) c.EmptyCells++;
            if (t.Kind is TokenKind.Number or TokenKind.Text or TokenKind.Sentence)
            {
                if (c.Contents == 0) c.StartsWithAtomicNumber = t.Kind == TokenKind.Number && t.Atomic;
                c.Contents++;
            }
        }
        return counts;
    }

    /// <summary>
    /// One-cell-per-line dumps come in two kinds: cells separated by blank lines (a long blank run then
    /// marks blank cells at the row's end), or cells on consecutive lines where a blank line is a blank
    /// cell. Two values on adjacent lines, each alone on its line, tell the second kind.
    /// </summary>
    private static bool BlankLinesAreCells(Dictionary<int, LineCounts> perLine)
    {
        static bool SingleValue(LineCounts c) => c.Contents == 1 && c.StartsWithAtomicNumber;
        foreach (var (line, counts) in perLine)
            if (SingleValue(counts) && perLine.TryGetValue(line + 1, out var next) && SingleValue(next)) return true;
        return false;
    }
}
