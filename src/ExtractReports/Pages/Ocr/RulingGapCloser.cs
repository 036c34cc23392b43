namespace ExtractReports.Pages.Ocr;

/// <summary>Knobs of <see cref="RulingGapCloser"/>. Lengths in inches, turned into pixels with the page's resolution.</summary>
public sealed record RulingGapOptions
{
    /// <summary>Whether lost stretches of table lines are completed at all; <see cref="ScanPageReader"/> asks for it on
    /// black-and-white pages only. Off until 2026-12-04: in the fifth round it read the missing tables of hairline scans but
    /// some with rows shifted at confidence 0.985-1; on main of 2026-12-04, with the grid steps, the blank-row fix and
    /// the row placement by order, it adds no field wrong at >= 0.9 on the bilevel conditions measured and reads most of the
    /// tables of 200 dpi hairline scans (docs/scan-reader.md, "s10-hairline"). On gray pages it stays off: the faint ink
    /// keeps their lines, and in the fifth round it cost hzq2023_working's dotted scan tables it had read.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Longest stretch of a line completed, inches. A hairline that a small skew lays between two pixel columns
    /// is lost where the threshold keeps neither: at 200 dpi and 0.3° that is up to an inch (hzq2023_working's tables);
    /// a table 二 title row between two sub-tables whose column lines happen to line up is longer.</summary>
    public double MaxGapInches { get; init; } = 1.5;

    /// <summary>Ink within this of the missing line (inches, either side) is what is left of it (remnants of a hairline,
    /// a residual skew), not text crossing it.</summary>
    public double LineHalfWidthInches { get; init; } = 0.012;

    /// <summary>How far either side of the missing line text is looked for, inches: a character that the path of the
    /// line would cut (the text of a merged cell, centred across where the line would be) has ink on both sides within
    /// this; the text of a cell on one side keeps off its border.</summary>
    public double CrossingBandInches { get; init; } = 0.035;

    /// <summary>Fewest other column lines ending or starting where a column line's gap does, or drawn across it, whose
    /// paths through the gap are free of text, for the gap to be closed (see <see cref="RulingGapCloser"/>): more than
    /// the table's two borders.</summary>
    public int MinLinesBeside { get; init; } = 3;

    /// <summary>Most column lines whose paths through a column line's gap text crosses, as a share of those whose paths
    /// are free, for the gap to be closed: the label of a row lost whole crosses the label columns' lines, a caption
    /// between two stacked tables nearly as many lines as it leaves free.</summary>
    public double MaxBlockedShare { get; init; } = 0.34;

    /// <summary>A gap longer than <see cref="MaxBareGapInches"/> is closed only when at least this share of its length has
    /// ink on the line's course: a hairline the scan lost keeps dots along it (6-50 % of a 200 dpi fax-like scan's lost
    /// stretches), while the white between two stacked tables, beside their caption, has none (0-4 %).</summary>
    public double MinRemnantShare { get; init; } = 0.05;

    /// <summary>Gaps up to this long (inches, about a row's height) are closed without remnants: a row whose column lines
    /// the scan lost whole.</summary>
    public double MaxBareGapInches { get; init; } = 0.25;

    /// <summary>Most pixels along a path that may have ink crossing it (scan noise), inches.</summary>
    public double MaxCrossingInches { get; init; } = 0.01;

    /// <summary>Longest gap between two pieces of one line, lying on one course, that is joined even where neither piece
    /// crosses a line of the other direction (inches): a 200 dpi fax threshold loses a band of hairlines at once, the row
    /// lines' pieces between lost column lines then cross nothing, and a row line comes out as pieces a cell wide with
    /// 0.2-0.3 in between them. 0 joins none.</summary>
    public double MaxPieceGapInches { get; init; } = 0.5;

    /// <summary>A line that ends on a line of the other direction is drawn on past it, to the next line it would meet, when
    /// at least this share of that stretch has ink on its course (and no text crosses it): a hairline the scan broke into
    /// dashes too close to text for the broken-line search (a row line between two rows' labels, 55-80 % inked), where a
    /// merged cell of the design has nothing on the course. Above 1 draws none.</summary>
    public double MinDashedShare { get; init; } = 0.25;

    public void Validate()
    {
        if (MaxPieceGapInches < 0) throw new ArgumentException("RulingGapOptions: MaxPieceGapInches must not be negative");
        if (MaxGapInches <= 0 || MaxBareGapInches < 0 || MinRemnantShare is < 0 or > 1 || MaxBlockedShare < 0 || LineHalfWidthInches <= 0 || CrossingBandInches <= LineHalfWidthInches || MaxCrossingInches < 0)
            throw new ArgumentException("RulingGapOptions: lengths must be positive and the crossing band wider than the line");
    }
}

/// <summary>
/// Completes table lines that a scan lost for a stretch: a table's line ends on another line (its border, a row or
/// column line), so a line that stops in the air, between two lines of the other direction, lost the rest of its length
/// to the scan (a hairline that fell between two pixel columns in a fax-like scan, a dotted line whose dots the
/// threshold dropped), and so did a line that resumes further along the same course after a gap.
/// <para>
/// Such a line is drawn on to the next line of the other direction it would meet, or across the gap to where it
/// resumes, when the path is free of text: a merged cell's text sits across where the line would run, and a cell's
/// own text keeps off its borders. Ink within a line's width of the path is what the scan left of the line; ink at a
/// line of the other direction is that line's. A column line is completed only where other column lines besides the
/// table's borders run beside the gap: two tables stacked with a caption between them, or two sub-tables of table 二
/// whose columns happen to line up across a title row, have none there.
/// </para>
/// <para>
/// Two more ways a 200 dpi fax threshold loses a hairline: a band of lines lost at once leaves row-line pieces between lost
/// column lines that cross nothing (joined along their course, <see cref="RulingGapOptions.MaxPieceGapInches"/>), and a row
/// line between two rows' labels comes out as dashes the broken-line search leaves for the text beside them (drawn on past
/// the line it ends on while half the stretch is inked on its course, <see cref="RulingGapOptions.MinDashedShare"/>).
/// </para>
/// </summary>
public sealed class RulingGapCloser(OcrOptions options)
{
    private readonly RulingGapOptions _o = options.RulingGaps;

    /// <summary>The ruling masks with the lost stretches of their lines drawn in (one pixel wide): horizontal lines
    /// first, then vertical ones with the completed horizontal lines to end on.</summary>
    public (BinaryImage Horizontal, BinaryImage Vertical) Complete(BinaryImage ink, BinaryImage horizontal, BinaryImage vertical, int dpi)
    {
        if (!_o.Enabled) return (horizontal, vertical);
        int tol = options.Px(options.RulingMergeInches, dpi);
        var rest = (byte[])ink.Ink.Clone();
        for (int i = 0; i < rest.Length; i++) if (horizontal.Ink[i] != 0 || vertical.Ink[i] != 0) rest[i] = 0;
        var text = new BinaryImage(ink.Width, ink.Height, rest);

        (horizontal, vertical) = (Joined(horizontal, vertical, text, true, tol, dpi), Joined(vertical, horizontal, text, false, tol, dpi));
        var vs = RulingGridFinder.Segments(vertical, horizontal: false, tol);
        var h = Close(RulingGridFinder.Segments(horizontal, horizontal: true, tol), vs, horizontal, text, true, tol, dpi);
        var v = Close(vs, RulingGridFinder.Segments(h, horizontal: true, tol), vertical, text, false, tol, dpi);
        return (h, v);
    }

    private BinaryImage Close(List<RulingGridFinder.Segment> lines, List<RulingGridFinder.Segment> others, BinaryImage mask,
        BinaryImage text, bool horizontalLine, int tol, int dpi)
    {
        int maxGap = options.Px(_o.MaxGapInches, dpi);
        int near = 2 * tol;
        var result = (byte[])mask.Ink.Clone();
        bool changed = false;
        var otherPositions = others.Select(o => o.Pos).ToList();

        bool Spans(RulingGridFinder.Segment other, double pos) => pos >= other.Start - tol && pos <= other.End + tol;
        bool OnLine(double along, double pos) => others.Any(o => Math.Abs(o.Pos - along) <= near && Spans(o, pos));
        bool InTable(double pos, double from, double to) => horizontalLine || InsideTable(lines, text, otherPositions, pos, from, to, tol, dpi);

        foreach (var s in lines)
        {
            // Only a table's line: one that crosses a line of the other direction (text strokes the opening kept do not).
            if (!others.Any(o => o.Pos >= s.Start - tol && o.Pos <= s.End + tol && Spans(o, s.Pos))) continue;
            bool endOnLine = OnLine(s.End, s.Pos), startOnLine = OnLine(s.Start, s.Pos);

            // Onwards from its end: across a gap to where it resumes, or on to the next line it would meet.
            var resumes = First(lines.Where(o => Math.Abs(o.Pos - s.Pos) <= tol && o.Start > s.End).OrderBy(o => o.Start));
            var meets = First(others.Where(o => o.Pos > s.End + near && Spans(o, s.Pos)).OrderBy(o => o.Pos));
            if (resumes is { } r && r.Start - s.End <= maxGap && InTable(s.Pos, s.End, r.Start))
                changed |= Draw(result, text, s.End, r.Start, s.Pos, r.Pos, otherPositions, horizontalLine, tol, dpi);
            else if (!endOnLine && meets is { } m && m.Pos - s.End <= maxGap && !(resumes is { } r2 && r2.Start < m.Pos)
                && InTable(s.Pos, s.End, m.Pos) && Draw(result, text, s.End, m.Pos, s.Pos, s.Pos, otherPositions, horizontalLine, tol, dpi))
            {
                changed = true;
                // Lost past that line too: on from line to line while the scan's dots go on along the course.
                double at = m.Pos;
                while (First(others.Where(o => o.Pos > at + near && Spans(o, s.Pos)).OrderBy(o => o.Pos)) is { } next
                    && next.Pos - s.End <= maxGap && !(resumes is { } r3 && r3.Start < next.Pos)
                    && Remnant(text, at, next.Pos, s.Pos, horizontalLine, dpi) >= _o.MinRemnantShare
                    && InTable(s.Pos, at, next.Pos) && Draw(result, text, at, next.Pos, s.Pos, s.Pos, otherPositions, horizontalLine, tol, dpi))
                    at = next.Pos;
            }

            // Past a line it ends on, where the scan left the line's dashes (each stretch to the next line on its own).
            if (endOnLine && resumes is null)
                changed |= Dashed(result, text, s, s.End, others, otherPositions, horizontalLine, forward: true, InTable, tol, dpi);
            bool lineBehind = lines.Any(o => Math.Abs(o.Pos - s.Pos) <= tol && o.End < s.Start);
            if (startOnLine && !lineBehind)
                changed |= Dashed(result, text, s, s.Start, others, otherPositions, horizontalLine, forward: false, InTable, tol, dpi);

            // Back from its start to the line it would have come from (a gap behind it is the previous stretch's to close).
            if (startOnLine || First(others.Where(o => o.Pos < s.Start - near && Spans(o, s.Pos)).OrderByDescending(o => o.Pos)) is not { } from)
                continue;
            bool stretchBehind = lines.Any(o => Math.Abs(o.Pos - s.Pos) <= tol && o.End < s.Start && o.End > from.Pos);
            if (!stretchBehind && s.Start - from.Pos <= maxGap && InTable(s.Pos, from.Pos, s.Start)
                && Draw(result, text, from.Pos, s.Start, s.Pos, s.Pos, otherPositions, horizontalLine, tol, dpi))
            {
                changed = true;
                if (!lineBehind) Dashed(result, text, s, from.Pos, others, otherPositions, horizontalLine, forward: false, InTable, tol, dpi);
            }
        }
        return changed ? new BinaryImage(mask.Width, mask.Height, result) : mask;
    }

    /// <summary>
    /// Whether a column line's lost stretch from <paramref name="from"/> to <paramref name="to"/> lies inside its table, among
    /// other column lines that end before it or start after it (lost there too, as a scan loses a band of hairlines, and
    /// keeping dots of it if the gap is long) or are drawn across: the paths of most of them through the gap are free of
    /// text, as the gap is a row of cells (a merged label crossing a few). Between two tables stacked with their caption
    /// between them, or two sub-tables of table 二 across a title row, the caption or title crosses nearly as many paths as it
    /// leaves free. Row lines need no such check: tables do not stand side by side in these reports.
    /// </summary>
    private bool InsideTable(List<RulingGridFinder.Segment> lines, BinaryImage text, List<double> otherPositions, double pos, double from, double to,
        int tol, int dpi)
    {
        int maxGap = options.Px(_o.MaxGapInches, dpi), near = 2 * tol;
        int clear = 0, blocked = 0;
        bool bare = to - from <= options.Px(_o.MaxBareGapInches, dpi);
        foreach (var g in lines.Where(o => Math.Abs(o.Pos - pos) > tol).GroupBy(o => (int)Math.Round(o.Pos / tol)))
        {
            bool across = g.Any(o => o.Start <= from + tol && o.End >= to - tol);
            bool ending = g.Any(o => o.End <= from + near && o.End >= from - maxGap) || g.Any(o => o.Start >= to - near && o.Start <= to + maxGap);
            if (!across && !ending) continue;
            double at = g.Average(o => o.Pos);
            if (across || Clear(text, from, to, at, at, otherPositions, false, tol, dpi)
                && (bare || Remnant(text, from, to, at, false, dpi) >= _o.MinRemnantShare)) clear++;
            else blocked++;
        }
        return clear >= _o.MinLinesBeside && blocked <= _o.MaxBlockedShare * clear;
    }

    /// <summary>
    /// The mask with the gaps between pieces of one line joined: two pieces on one course (each kept by the opening or the
    /// broken-line search, so each a line's stretch, not text) with a gap no longer than either piece and at most
    /// <see cref="RulingGapOptions.MaxPieceGapInches"/> between them, whose path is free of text (and keeps remnants of the
    /// line when longer than a bare gap, as <see cref="Draw"/> asks). The join needs no crossing line, unlike the closing: a
    /// band of lost hairlines leaves row-line pieces that cross nothing, and the grid finder can tie them to no table.
    /// </summary>
    private BinaryImage Joined(BinaryImage mask, BinaryImage other, BinaryImage text, bool horizontalLine, int tol, int dpi)
    {
        int maxGap = options.Px(_o.MaxPieceGapInches, dpi);
        if (maxGap <= 0) return mask;
        var others = RulingGridFinder.Segments(other, !horizontalLine, tol);
        var otherPositions = others.Select(o => o.Pos).ToList();
        // Within two tolerances either way: a hairline border loses a few pixels at its ends too.
        bool OnLine(double along, double pos) => others.Any(o => Math.Abs(o.Pos - along) <= 2 * tol && pos >= o.Start - 2 * tol && pos <= o.End + 2 * tol);
        var result = (byte[])mask.Ink.Clone();
        bool changed = false;
        var pieces = RulingGridFinder.Segments(mask, horizontalLine, tol).OrderBy(p => p.Pos).ThenBy(p => p.Start).ToList();
        foreach (var a in pieces)
        {
            var b = First(pieces.Where(o => Math.Abs(o.Pos - a.Pos) <= tol && o.Start > a.End).OrderBy(o => o.Start));
            if (b is not { } next) continue;
            double gap = next.Start - a.End;
            if (gap > maxGap || gap > a.End - a.Start || gap > next.End - next.Start) continue;
            // Two pieces of a column line that end on row lines either side of the gap may be two stacked tables' borders, the
            // caption of the second between them (its first character on the border's course, no ink across the path: pdf-01's
            // table 三 and 四 at 200 dpi, one grid); they are joined only inside a table, as the closing asks. A piece ending in
            // the air lost the rest of its stretch in a cell (a two-column table has too few lines beside it to ask).
            if (!horizontalLine && OnLine(a.End, a.Pos) && OnLine(next.Start, next.Pos)
                && !InsideTable(pieces, text, otherPositions, a.Pos, a.End, next.Start, tol, dpi)) continue;
            changed |= Draw(result, text, a.End, next.Start, a.Pos, next.Pos, otherPositions, horizontalLine, tol, dpi);
        }
        return changed ? new BinaryImage(mask.Width, mask.Height, result) : mask;
    }

    /// <summary>Draws a line that ends on a line of the other direction on past it, line by line, while each stretch up to
    /// the next line it would meet keeps <see cref="RulingGapOptions.MinDashedShare"/> of its length inked on the course and
    /// no text crosses it; whether it drew.</summary>
    private bool Dashed(byte[] result, BinaryImage text, RulingGridFinder.Segment s, double at, List<RulingGridFinder.Segment> others,
        List<double> otherPositions, bool horizontalLine, bool forward, Func<double, double, double, bool> inTable, int tol, int dpi)
    {
        if (_o.MinDashedShare > 1) return false;
        int near = 2 * tol;
        bool Spans(RulingGridFinder.Segment o) => s.Pos >= o.Start - tol && s.Pos <= o.End + tol;
        bool drew = false;
        while (true)
        {
            var next = forward
                ? First(others.Where(o => o.Pos > at + near && Spans(o)).OrderBy(o => o.Pos))
                : First(others.Where(o => o.Pos < at - near && Spans(o)).OrderByDescending(o => o.Pos));
            // No length limit: half a stretch inked on one course is the line, however long (a label column's row line).
            if (next is not { } n) return drew;
            double from = Math.Min(at, n.Pos), to = Math.Max(at, n.Pos);
            // A column line is drawn on only inside its table, as a gap is closed: the left border of a table lost below its
            // bottom line, drawn on across the heading of the next table to that table's border in dashes, joins the two.
            if (Remnant(text, from, to, s.Pos, horizontalLine, dpi) < _o.MinDashedShare || !inTable(s.Pos, from, to)
                || !Draw(result, text, from, to, s.Pos, s.Pos, otherPositions, horizontalLine, tol, dpi)) return drew;
            drew = true;
            at = n.Pos;
        }
    }

    private static RulingGridFinder.Segment? First(IEnumerable<RulingGridFinder.Segment> segments)
    {
        foreach (var s in segments) return s;
        return null;
    }

    /// <summary>Draws the line from <paramref name="from"/> to <paramref name="to"/> along it (its position across going
    /// from <paramref name="posFrom"/> to <paramref name="posTo"/>) when no text crosses that path; whether it drew.</summary>
    private bool Draw(byte[] mask, BinaryImage text, double from, double to, double posFrom, double posTo,
        List<double> otherLines, bool horizontalLine, int tol, int dpi)
    {
        if (!Clear(text, from, to, posFrom, posTo, otherLines, horizontalLine, tol, dpi)) return false;
        if (to - from > options.Px(_o.MaxBareGapInches, dpi) && Remnant(text, from, to, (posFrom + posTo) / 2, horizontalLine, dpi) < _o.MinRemnantShare)
            return false;
        int w = text.Width, along = horizontalLine ? w : text.Height, acrossMax = horizontalLine ? text.Height : w;
        int a = (int)Math.Floor(from), b = (int)Math.Ceiling(to);
        for (int t = Math.Max(0, a); t <= Math.Min(along - 1, b); t++)
        {
            int c = (int)Math.Round(posFrom + (posTo - posFrom) * (t - a) / (double)(b - a));
            if (c < 0 || c >= acrossMax) continue;
            mask[horizontalLine ? c * w + t : t * w + c] = 1;
        }
        return true;
    }

    /// <summary>The share of the path's length with ink within the line's width of it: what the scan left of a lost line.</summary>
    private double Remnant(BinaryImage text, double from, double to, double pos, bool horizontalLine, int dpi)
    {
        int half = options.Px(_o.LineHalfWidthInches, dpi), n = 0, hit = 0;
        int w = text.Width, along = horizontalLine ? w : text.Height, acrossMax = horizontalLine ? text.Height : w;
        int c0 = (int)Math.Round(pos);
        for (int t = Math.Max(0, (int)from + 1); t < Math.Min(along, (int)to); t++)
        {
            n++;
            for (int c = Math.Max(0, c0 - half); c <= Math.Min(acrossMax - 1, c0 + half); c++)
                if ((horizontalLine ? text.Ink[c * w + t] : text.Ink[t * w + c]) != 0) { hit++; break; }
        }
        return n == 0 ? 0 : hit / (double)n;
    }

    /// <summary>Whether the path of a line from <paramref name="from"/> to <paramref name="to"/> is free of text: no ink
    /// on both sides of it beyond the line's own width (something crossing it), but at lines of the other direction
    /// (their remnants, lost like this one) and for a few pixels of scan noise.</summary>
    private bool Clear(BinaryImage text, double from, double to, double posFrom, double posTo,
        List<double> otherLines, bool horizontalLine, int tol, int dpi)
    {
        int w = text.Width, h = text.Height;
        int a = (int)Math.Floor(from), b = (int)Math.Ceiling(to);
        if (b <= a) return false;
        int half = options.Px(_o.LineHalfWidthInches, dpi), band = options.Px(_o.CrossingBandInches, dpi);
        int allowed = options.Px(_o.MaxCrossingInches, dpi), crossed = 0;
        int along = horizontalLine ? w : h, acrossMax = horizontalLine ? h : w;
        bool Ink(int t, int c) => c >= 0 && c < acrossMax && (horizontalLine ? text.Ink[c * w + t] : text.Ink[t * w + c]) != 0;

        for (int t = Math.Max(0, a); t <= Math.Min(along - 1, b); t++)
        {
            int c = (int)Math.Round(posFrom + (posTo - posFrom) * (t - a) / (double)(b - a));
            bool before = false, after = false;
            for (int d = half + 1; d <= band && !(before && after); d++)
            {
                before |= Ink(t, c - d);
                after |= Ink(t, c + d);
            }
            if (!(before && after) || otherLines.Any(p => Math.Abs(p - t) <= tol)) continue;
            if (++crossed > allowed) return false;
        }
        return true;
    }
}
