namespace ExtractReports.Pages.Ocr;

/// <summary>Knobs of <see cref="BrokenRulingFinder"/>. Lengths in inches, turned into pixels with the page's resolution.</summary>
public sealed record BrokenRulingOptions
{
    /// <summary>Whether broken lines are looked for at all (off: only the solid rulings the opening keeps).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Thickest a piece of a line is across it, inches: a hairline scanned at 150-300 dpi is 1-4 px, a 1 pt
    /// line about 0.014 in. Measured per column (row), so a long piece that a residual skew tilts still counts.</summary>
    public double MaxPieceThicknessInches { get; init; } = 0.02;

    /// <summary>Widest gap bridged between two pieces of one line, inches: a thresholded hairline at 200 dpi loses runs
    /// of up to 0.07 in, and the crossing of two broken lines is a blob that is no piece of either.</summary>
    public double MaxGapInches { get; init; } = 0.08;

    /// <summary>How far (inches) across the line two pieces in a row may sit apart and still be one line.</summary>
    public double MaxDriftInches { get; init; } = 0.01;

    /// <summary>Shortest broken line, inches, either direction: longer than a solid vertical ruling must be (0.25 in), since
    /// a column of digits' strokes and the dots of the rulings between them can line up over two rows.</summary>
    public double MinLengthInches { get; init; } = 0.5;

    /// <summary>A column line shorter than <see cref="MinLengthInches"/> (but as long as a solid one must be) whose pieces
    /// cover at least this share of it is a line: the column lines of a table's last two rows carried over to the next page,
    /// 0.48-0.49 in at 200 dpi black and white, keep 89-92 % of their course in dashes, while digit strokes stacked over two
    /// rows with a ruling's dot between them cover little more than half. Above 1: none.</summary>
    public double MinShortLineCoverage { get; init; } = 0.85;

    /// <summary>Least share of a broken line's length its pieces cover: a bilevel hairline keeps 50-80 % of its
    /// pixels, while a chain of thin strokes picked out of text is mostly gap.</summary>
    public double MinCoverage { get; init; } = 0.45;

    /// <summary>Ink this far either side of a broken line (inches, past the line's own thickness) is text beside it; a
    /// line with text beside it along more than <see cref="MaxBesideShare"/> of its length is a row of strokes in a
    /// line of text (a character's strokes lie a few hundredths of an inch apart), not a ruling, whose cells keep
    /// their text off it.</summary>
    public double BesideInches { get; init; } = 0.04;
    public double MaxBesideShare { get; init; } = 0.35;

    /// <summary>A broken line whose pieces cover at least this share of its length counts text beside it only where there is
    /// ink on both sides (see <see cref="BrokenRulingFinder"/>'s Alone): a 200 dpi hairline kept in dashes covers 80-90 % of
    /// its course, strokes lined up in text much less. Above 1: ink on either side counts, always.</summary>
    public double MinOneSidedCoverage { get; init; } = 0.8;

    /// <summary>Fewest lines of the other direction a broken line must cross (a table's line runs from border to
    /// border): thin strokes of a heading that happen to line up cross none.</summary>
    public int MinCrossings { get; init; } = 2;

    /// <summary>A piece straight only by its middle line (a hairline dash stepping a row, with a speck at an end) is a piece
    /// of a line where the line holds at least this many pieces straight by their box as long as it is, within
    /// <see cref="DashLengthTolerance"/> of its length: another dash of a dashed ruling. One, not more: a column line two rows
    /// long whose other dashes the threshold broke in two keeps a single whole one (pdf-03's table 二 at 200 dpi; three lost
    /// its line). 0: such a piece is kept whatever its line holds.</summary>
    public int MinAlikeDashes { get; init; } = 1;
    public double DashLengthTolerance { get; init; } = 0.15;

    /// <summary>Longest stretch of a column line past the last row line it crosses that is kept, inches: about a row, the
    /// last row of a table that runs on over the page's foot (see <see cref="BrokenRulingFinder"/>).</summary>
    public double MaxOpenEndInches { get; init; } = 0.45;

    /// <summary>Fewest column lines running on past their last crossing and ending within
    /// <see cref="OpenEndsTogetherInches"/> of each other for those stretches to be kept; 0: never kept. 3 (the default):
    /// a caption's stroke in line with one column line is one; see docs/scan-reader.md, "Grid steps on by default".</summary>
    public int MinOpenEnds { get; init; } = 3;
    public double OpenEndsTogetherInches { get; init; } = 0.06;

    /// <summary>Widest gap between two pieces of a dotted line, inches: a dotted ruling of a gray scan comes out of the faint
    /// ruling ink as dots, and dashes where blur and JPEG run its dots together, a few hundredths of an inch apart.</summary>
    public double MaxDotGapInches { get; init; } = 0.03;

    /// <summary>Shortest dotted line, inches, on a gray page (see <see cref="BrokenRulingFinder.Complete"/>): as short as a
    /// solid vertical ruling may be (<see cref="OcrOptions.MinVerticalRulingInches"/>), so that a table's last two rows
    /// carried over to the next page keep their column lines.</summary>
    public double MinDottedLengthInches { get; init; } = 0.25;

    public void Validate()
    {
        if (MaxPieceThicknessInches <= 0 || MaxGapInches <= 0 || MaxDriftInches <= 0 || MinLengthInches <= 0)
            throw new ArgumentException("BrokenRulingOptions lengths must be positive");
        if (BesideInches <= 0) throw new ArgumentException("BrokenRulingOptions.BesideInches must be positive");
        if (MaxBesideShare is < 0 or > 1) throw new ArgumentException("BrokenRulingOptions.MaxBesideShare must be in [0,1]");
        if (MinCoverage is <= 0 or > 1) throw new ArgumentException("BrokenRulingOptions.MinCoverage must be in (0,1]");
        if (MinCrossings < 0) throw new ArgumentException("BrokenRulingOptions.MinCrossings must not be negative");
        if (MinAlikeDashes < 0 || DashLengthTolerance < 0) throw new ArgumentException("BrokenRulingOptions dash knobs must not be negative");
        if (MaxDotGapInches <= 0 || MinDottedLengthInches <= 0)
            throw new ArgumentException("BrokenRulingOptions dot lengths must be positive");
    }
}

/// <summary>
/// Ruling lines that a scan broke into pieces: a hairline (0.25-0.5 pt) or a faint line in a black-and-white,
/// blurred, second-generation or low-resolution scan keeps only part of its pixels, or wobbles by a pixel across
/// its length, and the opening that finds solid rulings keeps only ink that holds a whole brick, so it loses such a
/// line, and the cells on either side of it merge.
/// <para>
/// This closes the gaps along the line's direction, but on line-like pieces only, so that text, whose strokes lie as
/// close together, is not closed into lines. A piece of a horizontal line is a connected piece of the ink that is
/// thin vertically (ink whose vertical run is longer than a line is thick, such as a crossing vertical line or a
/// character's upright stroke, is left out) and straight (a digit's curve or flag is not). Pieces that follow one
/// another along a row with short gaps are one line when they cover most of its length, it is as long as a ruling
/// must be, it has no text along most of it (a row of strokes inside a line of text does), and it crosses lines of
/// the other direction (a table's line runs from border to border). Vertical lines alike.
/// </para>
/// </summary>
public sealed class BrokenRulingFinder(OcrOptions options)
{
    private readonly BrokenRulingOptions _o = options.BrokenRulings;

    /// <summary>A line-like piece: its start and end along the line, its position across it at both ends, and its
    /// component in the direction's label image (0: a piece of a solid ruling, already in the mask). <paramref name="Dash"/>:
    /// straight by its middle line only (see <see cref="Straight"/>), a piece of a line only among dashes like it.</summary>
    private readonly record struct Piece(int Start, int End, double AcrossStart, double AcrossEnd, int Component, bool Dash = false);

    /// <summary>Pieces one after another along one line (sorted by start).</summary>
    private sealed class Chain
    {
        public readonly List<Piece> Pieces = [];
        public int Start => Pieces[0].Start;
        public int End;
        public double Across => Pieces.Average(p => (p.AcrossStart + p.AcrossEnd) / 2);
        public int Length => End - Start + 1;

        /// <summary>The stretch painted as the line (by default its whole length).</summary>
        public int? PaintFrom, PaintTo;

        public void Add(Piece p)
        {
            End = Pieces.Count == 0 ? p.End : Math.Max(End, p.End);
            Pieces.Add(p);
        }

        /// <summary>Positions along the line that some piece covers.</summary>
        public int Covered()
        {
            int total = 0, reach = int.MinValue;
            foreach (var p in Pieces)
            {
                int from = Math.Max(p.Start, reach + 1);
                if (p.End >= from) { total += p.End - from + 1; reach = p.End; }
            }
            return total;
        }

        /// <summary>The line's position across at a point along it: between two pieces, on the straight line joining them.</summary>
        public double AcrossAt(int t)
        {
            for (int k = 0; k < Pieces.Count; k++)
            {
                var p = Pieces[k];
                if (t <= p.End && t >= p.Start)
                    return p.End == p.Start ? p.AcrossStart : p.AcrossStart + (p.AcrossEnd - p.AcrossStart) * (t - p.Start) / (p.End - p.Start);
                if (k + 1 < Pieces.Count && t > p.End && t < Pieces[k + 1].Start)
                {
                    var q = Pieces[k + 1];
                    return p.AcrossEnd + (q.AcrossStart - p.AcrossEnd) * (t - p.End) / (double)(q.Start - p.End);
                }
            }
            return t < Start ? Pieces[0].AcrossStart : Pieces[^1].AcrossEnd;
        }
    }

    /// <summary>
    /// The ruling masks with the broken lines added: <paramref name="horizontal"/> and <paramref name="vertical"/> are
    /// the solid rulings (the page's ink opened with long bricks); pieces of broken lines are looked for in the rest of
    /// <paramref name="ink"/>, and each line found is added whole, its gaps bridged.
    /// <paramref name="buffers"/>: the page's scratch arrays, where its own are taken (and given back before it returns); null: fresh ones.
    /// <paramref name="gray"/>: the page is a gray scan (its pixels say so), where a chain of dots at short regular gaps is a
    /// dotted ruling and need only be as long as a solid one (<see cref="BrokenRulingOptions.MinDottedLengthInches"/>). A
    /// black-and-white scan breaks strokes of text into dots too, so its lines keep the longer minimum.
    /// </summary>
    public (BinaryImage Horizontal, BinaryImage Vertical) Complete(BinaryImage ink, BinaryImage horizontal, BinaryImage vertical, int dpi,
        PageBuffers? buffers = null, bool gray = false)
    {
        if (!_o.Enabled) return (horizontal, vertical);
        var s = buffers ?? new PageBuffers();
        int w = ink.Width, h = ink.Height;
        var rest = Without(ink, horizontal, vertical, s);
        int thick = options.Px(_o.MaxPieceThicknessInches, dpi);
        var hLabels = Label(ThinAcross(rest, w, h, thick, horizontalLine: true, s), w, h, out int hCount, s);
        var vLabels = Label(ThinAcross(rest, w, h, thick, horizontalLine: false, s), w, h, out int vCount, s);
        var hPieces = Pieces(hLabels, w, h, hCount, thick, horizontalLine: true);
        var vPieces = Pieces(vLabels, w, h, vCount, thick, horizontalLine: false);
        // Solid rulings take part as pieces too: a line solid for a stretch and broken elsewhere is one line.
        hPieces.AddRange(SolidPieces(horizontal, horizontalLine: true));
        vPieces.AddRange(SolidPieces(vertical, horizontalLine: false));

        int gap = options.Px(_o.MaxGapInches, dpi), drift = options.Px(_o.MaxDriftInches, dpi), min = options.Px(_o.MinLengthInches, dpi);
        hPieces = DashesAlike(hPieces, gap, drift);
        vPieces = DashesAlike(vPieces, gap, drift);
        int beside = options.Px(_o.BesideInches, dpi);
        int hMin = Math.Max(min, options.Px(options.MinHorizontalRulingInches, dpi)), vMin = Math.Max(min, options.Px(options.MinVerticalRulingInches, dpi));
        int dotGap = options.Px(_o.MaxDotGapInches, dpi);
        int dottedMin = gray ? options.Px(_o.MinDottedLengthInches, dpi) : int.MaxValue;
        // A short column line kept nearly whole in dashes is a line too: a table's last two rows carried over to the next page
        // have column lines of 0.52 in, a little less once the crossings' blobs are cut off.
        int shortMin = options.Px(options.MinVerticalRulingInches, dpi);
        bool VLong(Chain c) => Long(c, vMin) || c.Length >= dottedMin && Dotted(c, dotGap) && Long(c, dottedMin)
            || c.Length >= shortMin && c.Covered() >= _o.MinShortLineCoverage * c.Length;
        // A dot is a piece of either direction. One that lies on a line of the other direction is that line's, not a
        // link of this one: otherwise the dots of a dotted ruling join a column of digit strokes across it into a line.
        var hFirst = Chains(hPieces, gap, drift).Where(c => Long(c, hMin)).ToList();
        var vFirst = Chains(vPieces, gap, drift).Where(VLong).ToList();
        hPieces = hPieces.Where(p => !IsDotOn(p, vFirst, thick, drift)).ToList();
        vPieces = vPieces.Where(p => !IsDotOn(p, hFirst, thick, drift)).ToList();
        var hChains = Chains(hPieces, gap, drift).Select(c => Trimmed(c, rest, w, h, thick, beside, true))
            .Where(c => c is not null && Long(c, hMin) && Alone(c, rest, w, h, thick, beside, true)).Select(c => c!).ToList();
        var vChains = Chains(vPieces, gap, drift).Select(c => Trimmed(c, rest, w, h, thick, beside, false))
            .Where(c => c is not null && VLong(c) && Alone(c, rest, w, h, thick, beside, false)).Select(c => c!).ToList();
        var hKept = hChains.Where(c => c.Pieces.Any(p => p.Component != 0) && Crossings(c, vChains, gap).Count >= _o.MinCrossings)
            .Select(c => CutToCrossings(c, Crossings(c, vChains, gap), thick)).OfType<Chain>().ToList();
        var vKept = WithOpenBottoms(vChains.Where(c => c.Pieces.Any(p => p.Component != 0))
            .Select(c => (Line: c, Crossings: Crossings(c, hChains, gap))).Where(c => c.Crossings.Count >= _o.MinCrossings).ToList(), thick, dpi);
        var completed = hKept.Count == 0 && vKept.Count == 0 ? (horizontal, vertical)
            : (Paint(horizontal, hKept, hLabels, horizontalLine: true), Paint(vertical, vKept, vLabels, horizontalLine: false));
        s.Return(rest);
        s.Return(hLabels);
        s.Return(vLabels);
        return completed;
    }

    /// <summary>The ink without the solid rulings and the pixel around them (a line's ragged edge), so that a broken line's
    /// pieces stop where it crosses a solid one instead of joining it.</summary>
    private static byte[] Without(BinaryImage ink, BinaryImage horizontal, BinaryImage vertical, PageBuffers scratch)
    {
        int w = ink.Width, h = ink.Height;
        var rest = scratch.Copy(ink.Ink);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                if (horizontal.Ink[i] == 0 && vertical.Ink[i] == 0) continue;
                for (int yy = Math.Max(0, y - 1); yy <= Math.Min(h - 1, y + 1); yy++)
                    for (int xx = Math.Max(0, x - 1); xx <= Math.Min(w - 1, x + 1); xx++) rest[yy * w + xx] = 0;
            }
        return rest;
    }

    /// <summary>The ink whose run across the direction (down a column for a horizontal line) is no longer than a line is thick.</summary>
    private static byte[] ThinAcross(byte[] ink, int w, int h, int thick, bool horizontalLine, PageBuffers scratch)
    {
        var thin = scratch.Bytes(ink.Length);
        int lines = horizontalLine ? w : h, length = horizontalLine ? h : w;
        for (int l = 0; l < lines; l++)
        {
            int run = 0;
            for (int a = 0; a <= length; a++)
            {
                bool on = a < length && ink[horizontalLine ? a * w + l : l * w + a] != 0;
                if (on) { run++; continue; }
                if (run > 0 && run <= thick)
                    for (int b = a - run; b < a; b++) thin[horizontalLine ? b * w + l : l * w + b] = 1;
                run = 0;
            }
        }
        return thin;
    }

    /// <summary>
    /// The pieces without those straight by their middle line only (<see cref="Piece.Dash"/>) that are not dashes of a
    /// dashed line: a line printed in dashes has dashes of one length, so such a piece is kept where the line it lies in
    /// holds at least <see cref="BrokenRulingOptions.MinAlikeDashes"/> pieces straight by their box as long as it is
    /// (within <see cref="BrokenRulingOptions.DashLengthTolerance"/>). A glyph's thin stroke that lines up with a ruling
    /// is seldom as long as its dashes, and one in a row of text has no such dashes beside it.
    /// </summary>
    private List<Piece> DashesAlike(List<Piece> pieces, int gap, int drift)
    {
        if (!pieces.Any(p => p.Dash)) return pieces;
        var lone = new HashSet<int>();
        foreach (var c in Chains(pieces, gap, drift))
            foreach (var d in c.Pieces.Where(p => p.Dash))
            {
                int length = d.End - d.Start + 1;
                int alike = c.Pieces.Count(p => p.Component != 0 && !p.Dash && Math.Abs(p.End - p.Start + 1 - length) <= _o.DashLengthTolerance * length);
                if (alike < _o.MinAlikeDashes) lone.Add(d.Component);
            }
        return lone.Count == 0 ? pieces : pieces.Where(p => !p.Dash || !lone.Contains(p.Component)).ToList();
    }

    /// <summary>Whether a piece is a dot (no longer than a line is thick) lying on one of <paramref name="lines"/> (of the other direction).</summary>
    private static bool IsDotOn(Piece p, List<Chain> lines, int thick, int drift)
    {
        if (p.Component == 0 || p.End - p.Start + 1 > thick) return false;
        double along = (p.AcrossStart + p.AcrossEnd) / 2, across = (p.Start + p.End) / 2.0;
        return lines.Any(l => along >= l.Start - drift && along <= l.End + drift && Math.Abs(l.AcrossAt((int)Math.Round(along)) - across) <= drift);
    }

    private bool Long(Chain c, int minLength) => c.Length >= minLength && c.Covered() >= _o.MinCoverage * c.Length;

    /// <summary>Whether a chain is a dotted line: broken pieces (dots, or dashes where blur ran dots together) none more than
    /// <paramref name="dotGap"/> from the next. A column of text gives no such chain: a stroke and the next one in line with
    /// it lie farther apart (the next character, or a ruling's dot past a cell's margin). The pieces' length is not looked
    /// at: on the page turned by area mapping a dotted column line of two rows came out in dashes up to 0.18 in long, a
    /// little short of a broken line's minimum (2026-12-04, pdf-03 200-gray-dotted probe-6 and probe-7).</summary>
    private static bool Dotted(Chain c, int dotGap)
    {
        if (c.Pieces.Count(p => p.Component != 0) < 2) return false;
        int reach = c.Pieces[0].End;
        foreach (var p in c.Pieces.Skip(1))
        {
            if (p.Start - reach - 1 > dotGap) return false;
            reach = Math.Max(reach, p.End);
        }
        return true;
    }

    /// <summary>
    /// The chain without the pieces at its ends that have text beside them along most of their length: a line's last
    /// pieces may be strokes of a heading or a label just past its end (a table's column line running on into the
    /// caption above it), which would draw the line, and the grid, into the text. Null when nothing is left.
    /// </summary>
    private Chain? Trimmed(Chain c, byte[] rest, int w, int h, int thick, int beside, bool horizontalLine)
    {
        bool Busy(Piece p)
        {
            int busy = 0;
            for (int t = p.Start; t <= p.End; t++) if (Beside(p.AcrossStart + (p.AcrossEnd - p.AcrossStart) * (t - p.Start) / Math.Max(1, p.End - p.Start), t, rest, w, h, thick, beside, horizontalLine)) busy++;
            return busy > _o.MaxBesideShare * (p.End - p.Start + 1);
        }
        int first = 0, last = c.Pieces.Count - 1;
        while (first <= last && c.Pieces[first].Component != 0 && Busy(c.Pieces[first])) first++;
        while (last >= first && c.Pieces[last].Component != 0 && Busy(c.Pieces[last])) last--;
        if (first > last) return null;
        if (first == 0 && last == c.Pieces.Count - 1) return c;
        var trimmed = new Chain();
        for (int k = first; k <= last; k++) trimmed.Add(c.Pieces[k]);
        return trimmed;
    }

    /// <summary>Whether there is ink within <paramref name="beside"/> past the line's thickness on either side of the point at
    /// <paramref name="t"/> along it (<paramref name="bothSides"/>: on both sides).</summary>
    private static bool Beside(double across, int t, byte[] rest, int w, int h, int thick, int beside, bool horizontalLine, bool bothSides = false)
    {
        int at = (int)Math.Round(across), near = thick / 2 + 2;
        bool Ink(int a)
        {
            int x = horizontalLine ? t : a, y = horizontalLine ? a : t;
            return x >= 0 && y >= 0 && x < w && y < h && rest[y * w + x] != 0;
        }
        bool before = false, after = false;
        for (int d = near; d <= near + beside; d++)
        {
            before |= Ink(at - d);
            after |= Ink(at + d);
            if (bothSides ? before && after : before || after) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the line has no text beside it along most of its length: ink within <paramref name="beside"/> past its
    /// thickness on either side, at no more than <see cref="BrokenRulingOptions.MaxBesideShare"/> of the points along it.
    /// A line whose pieces cover <see cref="BrokenRulingOptions.MinOneSidedCoverage"/> of it is judged by ink on both sides
    /// only: a column's labels may start right at its line (hzq2023_working's table 三, 1.属于国家秘密… beside the line of
    /// (三)不予公开, text beside 36 % of the line's length at 200 dpi), while strokes lined up inside a line of text have its
    /// ink on both sides, and are mostly gap.
    /// </summary>
    private bool Alone(Chain c, byte[] rest, int w, int h, int thick, int beside, bool horizontalLine)
    {
        bool bothSides = c.Covered() >= _o.MinOneSidedCoverage * c.Length;
        int busy = 0;
        for (int t = c.Start; t <= c.End; t++) if (Beside(c.AcrossAt(t), t, rest, w, h, thick, beside, horizontalLine, bothSides)) busy++;
        return busy <= _o.MaxBesideShare * c.Length;
    }

    /// <summary>Where lines of the other direction meet this one (their positions along it): their span reaches its position
    /// and its span reaches theirs (within <paramref name="tol"/>).</summary>
    private static List<double> Crossings(Chain line, List<Chain> others, int tol)
    {
        double at = line.Across;
        var found = new List<double>();
        foreach (var o in others)
        {
            double oat = o.Across;
            if (oat >= line.Start - tol && oat <= line.End + tol && at >= o.Start - tol && at <= o.End + tol) found.Add(oat);
        }
        return found;
    }

    /// <summary>
    /// The line between the first and the last line it crosses: a table's line ends on its border, and pieces past it are
    /// strokes of text that happen to line up with it (a column line running on into a character of the caption above).
    /// </summary>
    private static Chain? CutToCrossings(Chain line, List<double> crossings, int thick, bool openEnd = false)
    {
        int from = (int)Math.Floor(crossings.Min()) - thick, to = openEnd ? line.End : (int)Math.Ceiling(crossings.Max()) + thick;
        var cut = new Chain();
        foreach (var p in line.Pieces.Where(p => p.End >= from && p.Start <= to)) cut.Add(p);
        if (cut.Pieces.Count == 0) return null;
        cut.PaintFrom = Math.Max(from, cut.Start);
        cut.PaintTo = Math.Min(to, cut.End);
        return cut;
    }

    /// <summary>
    /// Column lines cut to their crossings, except where a table runs on over the page's foot: its last row has no border
    /// under it, and its column lines, cut back to the last row line they cross, would lose the last row (its digits cut in
    /// half by the grid's edge). Column lines that run on past their last crossing by at most
    /// <see cref="BrokenRulingOptions.MaxOpenEndInches"/> and end together, at least <see cref="BrokenRulingOptions.MinOpenEnds"/>
    /// of them, keep that stretch: a caption's stroke in line with one column line is one, not several ending together.
    /// </summary>
    private List<Chain> WithOpenBottoms(List<(Chain Line, List<double> Crossings)> lines, int thick, int dpi)
    {
        int most = options.Px(_o.MaxOpenEndInches, dpi), together = options.Px(_o.OpenEndsTogetherInches, dpi);
        bool Open((Chain Line, List<double> Crossings) c) => _o.MinOpenEnds > 0 && c.Line.End - c.Crossings.Max() is var run && run > 2 * thick && run <= most;
        var open = lines.Where(Open).ToList();
        return lines.Select(c => CutToCrossings(c.Line, c.Crossings, thick,
                openEnd: Open(c) && open.Count(o => Math.Abs(o.Line.End - c.Line.End) <= together) >= _o.MinOpenEnds))
            .OfType<Chain>().ToList();
    }

    /// <summary>
    /// Pieces one after another along a line: sorted by where they start, each joins the chain whose last piece
    /// ended at most <paramref name="gap"/> before it (or overlaps it) at about the same place across
    /// (<paramref name="drift"/>), the nearest across; otherwise it starts a chain of its own.
    /// </summary>
    private static List<Chain> Chains(List<Piece> pieces, int gap, int drift)
    {
        pieces.Sort((a, b) => a.Start.CompareTo(b.Start));
        var chains = new List<Chain>();
        var open = new List<Chain>();
        foreach (var p in pieces)
        {
            open.RemoveAll(c => p.Start - c.End > gap);
            Chain? best = null;
            double bestDrift = double.MaxValue;
            foreach (var c in open)
            {
                double d = Math.Abs(p.AcrossStart - c.AcrossAt(p.Start));
                if (d <= drift && d < bestDrift) { best = c; bestDrift = d; }
            }
            if (best is null)
            {
                best = new Chain();
                chains.Add(best);
                open.Add(best);
            }
            best.Add(p);
        }
        return chains;
    }

    /// <summary>Connected pieces of ink (8-neighbours) numbered from 1; 0 is background. The ink, rented, is given back.</summary>
    private static int[] Label(byte[] ink, int w, int h, out int count, PageBuffers scratch)
    {
        var labels = scratch.Ints(w * h);
        count = InkPieces.Walk(ink, w, h, (piece, i, _, _) => labels[i] = piece);
        scratch.Return(ink);
        return labels;
    }

    /// <summary>
    /// The straight pieces of one direction's thin ink: a piece's box is no wider across than its thickest
    /// cross-section plus a pixel and the drift of a slightly tilted line (one pixel in fifty). A digit's stroke is
    /// curved or has a flag (the two halves of a bilevel 0, a 1), so it is no piece of a line even where it lines up with one.
    /// </summary>
    private static List<Piece> Pieces(int[] labels, int w, int h, int count, int thick, bool horizontalLine)
    {
        var x0 = new int[count + 1]; var x1 = new int[count + 1]; var y0 = new int[count + 1]; var y1 = new int[count + 1];
        Array.Fill(x0, int.MaxValue); Array.Fill(y0, int.MaxValue); Array.Fill(x1, -1); Array.Fill(y1, -1);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int l = labels[y * w + x];
                if (l == 0) continue;
                if (x < x0[l]) x0[l] = x;
                if (x > x1[l]) x1[l] = x;
                if (y < y0[l]) y0[l] = y;
                if (y > y1[l]) y1[l] = y;
            }
        var pieces = new List<Piece>();
        for (int l = 1; l <= count; l++)
        {
            var box = new PieceBox(x0[l], x1[l], y0[l], y1[l], horizontalLine);
            if (Straight(labels, l, box, w, thick) is { } byMiddleOnly) pieces.Add(Along(labels, l, box, w) with { Dash = byMiddleOnly });
        }
        return pieces;
    }

    /// <summary>A piece's box, with its extent along and across the line's direction.</summary>
    private readonly record struct PieceBox(int X0, int X1, int Y0, int Y1, bool Horizontal)
    {
        public int AlongFrom => Horizontal ? X0 : Y0;
        public int AlongTo => Horizontal ? X1 : Y1;
        public int AcrossFrom => Horizontal ? Y0 : X0;
        public int AcrossTo => Horizontal ? Y1 : X1;
        public int Index(int along, int across, int w) => Horizontal ? across * w + along : along * w + across;
    }

    /// <summary>Whether a piece is straight: null if not; false if by its box; true if by its middle line only.</summary>
    private static bool? Straight(int[] labels, int l, PieceBox b, int w, int thick)
    {
        int length = b.AlongTo - b.AlongFrom + 1, extent = b.AcrossTo - b.AcrossFrom + 1;
        if (extent > thick + 1 + length / 50) return null;
        if (extent <= 2) return false;
        int thickest = 0;
        double lowest = double.MaxValue, highest = double.MinValue;
        for (int a = b.AlongFrom; a <= b.AlongTo; a++)
        {
            int n = 0, sum = 0;
            for (int c = b.AcrossFrom; c <= b.AcrossTo; c++) if (labels[b.Index(a, c, w)] == l) { n++; sum += c; }
            thickest = Math.Max(thickest, n);
            if (n == 0) continue;
            lowest = Math.Min(lowest, sum / (double)n);
            highest = Math.Max(highest, sum / (double)n);
        }
        if (extent <= thickest + 1 + length / 50) return false;
        // A hairline the threshold kept one or two pixels thick, stepping a row where the residual skew crosses one and
        // with a speck of its ragged edge at an end, spans more rows than it is thick though its middle stays within two
        // pixels all along (pdf-03's table 二 row line at 200 dpi, 2026-12-04). A thin stroke of a glyph can be as straight
        // (a serif face's horizontal with its end bead): such a piece is kept only among dashes like it (see DashesAlike).
        return thickest <= 2 && highest - lowest <= 2 && length >= 8 * extent ? true : null;
    }

    /// <summary>The piece with its position across at its two ends: the middle of its ink in its first and last column (row).</summary>
    private static Piece Along(int[] labels, int l, PieceBox b, int w)
    {
        double Middle(int along)
        {
            double sum = 0; int n = 0;
            for (int c = b.AcrossFrom; c <= b.AcrossTo; c++) if (labels[b.Index(along, c, w)] == l) { sum += c; n++; }
            return n == 0 ? (b.AcrossFrom + b.AcrossTo) / 2.0 : sum / n;
        }
        return new Piece(b.AlongFrom, b.AlongTo, Middle(b.AlongFrom), Middle(b.AlongTo), l);
    }

    /// <summary>Runs of a solid ruling mask as pieces (component 0: they are in the mask already).</summary>
    private static List<Piece> SolidPieces(BinaryImage mask, bool horizontalLine)
    {
        // Each piece's extent and mean position as it is walked: no label per pixel (4 bytes a pixel) for these.
        var pieces = new List<Piece>();
        int lo = int.MaxValue, hi = -1, n = 0;
        double sum = 0;
        InkPieces.Walk(mask.Ink, mask.Width, mask.Height, (_, _, x, y) =>
        {
            int along = horizontalLine ? x : y, across = horizontalLine ? y : x;
            lo = Math.Min(lo, along); hi = Math.Max(hi, along); sum += across; n++;
        }, _ =>
        {
            pieces.Add(new Piece(lo, hi, sum / n, sum / n, 0));
            lo = int.MaxValue; hi = -1; sum = 0; n = 0;
        });
        return pieces;
    }

    /// <summary>
    /// The mask with each kept line added: its pieces' ink, and across each gap between two pieces a line one pixel
    /// thick from the end of one to the start of the next.
    /// </summary>
    private static BinaryImage Paint(BinaryImage mask, List<Chain> lines, int[] labels, bool horizontalLine)
    {
        int w = mask.Width, h = mask.Height;
        var result = (byte[])mask.Ink.Clone();
        var components = lines.SelectMany(c => c.Pieces).Where(p => p.Component != 0).Select(p => p.Component).ToHashSet();
        for (int i = 0; i < labels.Length; i++) if (labels[i] != 0 && components.Contains(labels[i])) result[i] = 1;
        foreach (var line in lines)
            for (int t = line.PaintFrom ?? line.Start; t <= (line.PaintTo ?? line.End); t++)
            {
                int across = (int)Math.Round(line.AcrossAt(t));
                int x = horizontalLine ? t : across, y = horizontalLine ? across : t;
                if (x >= 0 && y >= 0 && x < w && y < h) result[y * w + x] = 1;
            }
        return new BinaryImage(w, h, result);
    }
}
