namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Checks a digit read against the shape of its glyph's ink. Tesseract's digit reader takes a 1 with a flag and a
/// foot serif (WenQuanYi, many CJK fonts' Latin digits) for a sure 4 at every scale tried; the ink tells them apart:
/// a 1 is one vertical stem through its middle rows, while a 4's middle rows hold its diagonal beside its stem or
/// its crossbar, and a 4's widest row (the crossbar) has the stem below it.
/// </summary>
public static class DigitShapes
{
    /// <summary>
    /// Whether the glyph's ink is a 1: in every row of its middle band (<see cref="OcrOptions.StemBandTop"/> to
    /// <see cref="OcrOptions.StemBandBottom"/> of its height) one run of ink no wider than
    /// <see cref="OcrOptions.StemWidthShare"/> of the glyph, those runs' middles within that share of each other
    /// (a straight stem), and no row wider than the stem band except the top (the flag) and the bottom (the foot).
    /// </summary>
    public static bool IsOne(BinaryImage text, Box glyph, OcrOptions options)
    {
        int width = (int)glyph.X1 - (int)glyph.X0, height = (int)glyph.Y1 - (int)glyph.Y0;
        return width >= 3 && height >= 8 && IsStraightStem(text, glyph, options, options.StemWidthShare * width);
    }

    /// <summary>
    /// Whether the glyph's ink cannot be a 1: a bar across its top (a row of its top <see cref="OcrOptions.BarBandShare"/>
    /// spanning at least <see cref="OcrOptions.TopBarHeightShare"/> of its height) over a bottom with no foot (no row of its
    /// bottom band wider than <see cref="OcrOptions.FootlessHeightShare"/> of its height). That is a 7, which Tesseract's
    /// digit reader read as a sure 1 at every scale (76 read 16 at confidence 1 on the scan-conditions matrix); a 1's flag
    /// spans a third of its height at most, and a 1 wide at the top has a foot serif.
    /// </summary>
    public static bool IsNotOne(BinaryImage text, Box glyph, OcrOptions options)
    {
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, y1 = (int)glyph.Y1;
        int height = y1 - y0;
        if (x1 - x0 < 3 || height < 8) return false;
        int band = Math.Max(1, (int)Math.Round(options.BarBandShare * height));
        int Span(int y)
        {
            int left = -1, right = -1;
            for (int x = x0; x < x1; x++)
                if (text.Ink[y * text.Width + x] != 0) { if (left < 0) left = x; right = x; }
            return left < 0 ? 0 : right - left + 1;
        }
        int top = Enumerable.Range(y0, band).Max(Span), bottom = Enumerable.Range(y1 - band, band).Max(Span);
        return top >= options.TopBarHeightShare * height && bottom <= options.FootlessHeightShare * height;
    }

    /// <summary>
    /// The digit a lone glyph's ink shows, for a cell the digit reader read nothing from: Tesseract reads a serif 1 alone
    /// in its cell as nothing with the digit whitelist (and as l, I, ! or 上 without) at every scale tried, and a 0 whose
    /// joins a fax threshold broke as 人 or (0). A 1 is a straight stem (<see cref="IsStem"/>) no wider than
    /// <see cref="OcrOptions.LoneOneWidthShare"/> of its height and no 7 (<see cref="IsNotOne"/>); a 0 is a ring
    /// (<see cref="IsRing"/>). Null for any other shape.
    /// </summary>
    public static char? LoneDigit(BinaryImage text, Box glyph, OcrOptions options)
    {
        int width = (int)glyph.X1 - (int)glyph.X0, height = (int)glyph.Y1 - (int)glyph.Y0;
        if (height < 8 || width < 1) return null;
        if (width <= options.LoneOneWidthShare * height && !IsNotOne(text, glyph, options) && IsStem(text, glyph, options)) return '1';
        return IsRing(text, glyph, options) ? '0' : null;
    }

    /// <summary>
    /// Whether the glyph's middle band (<see cref="OcrOptions.StemBandTop"/> to <see cref="OcrOptions.StemBandBottom"/>) is a
    /// straight stem: every row holding ink holds one run, no wider than <see cref="OcrOptions.StemWidthShare"/> of the glyph's
    /// width or <see cref="OcrOptions.StemHeightShare"/> of its height (a 1 with a short foot is hardly wider than its stem),
    /// the runs' middles within that width of each other. A 0's or a 4's middle rows hold two strokes, a 7's stroke slants.
    /// </summary>
    private static bool IsStem(BinaryImage text, Box glyph, OcrOptions options) =>
        IsStraightStem(text, glyph, options,
            Math.Max(options.StemWidthShare * ((int)glyph.X1 - (int)glyph.X0), options.StemHeightShare * ((int)glyph.Y1 - (int)glyph.Y0)));

    /// <summary>Every row of the glyph's middle band holding ink holds one run no wider than <paramref name="maxStem"/>, the
    /// runs' middles within that width of each other. A row left blank (a stroke a bilevel scan broke) is no evidence either way,
    /// and runs one pixel apart are one: a speck of scanner noise beside the stem, or a pixel a fax threshold took out of it
    /// (a clean WenQuanYi -1 read -4 at 0.99 kept its 4 for want of this, 200 dpi bilevel, scan-conditions matrix, probe part 17).</summary>
    private static bool IsStraightStem(BinaryImage text, Box glyph, OcrOptions options, double maxStem)
    {
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, height = (int)glyph.Y1 - y0;
        double minMid = double.MaxValue, maxMid = double.MinValue;
        for (int y = y0 + (int)Math.Floor(options.StemBandTop * height); y < y0 + (int)Math.Ceiling(options.StemBandBottom * height); y++)
        {
            var runs = Bridged(Runs(text, y, x0, x1));
            if (runs.Count == 0) continue;
            if (runs.Count > 1 || runs[0].Right - runs[0].Left + 1 > maxStem) return false;
            double mid = (runs[0].Left + runs[0].Right) / 2.0;
            minMid = Math.Min(minMid, mid); maxMid = Math.Max(maxMid, mid);
        }
        return minMid <= maxMid && maxMid - minMid <= maxStem;
    }

    /// <summary>
    /// Whether the glyph is a 0: at least <see cref="OcrOptions.RingMinWidthShare"/> as wide as high, and in the rows of its
    /// middle band (<see cref="OcrOptions.RingBandTop"/> to <see cref="OcrOptions.RingBandBottom"/> of its height) no ink in its
    /// middle third, with ink in both outer thirds in at least <see cref="OcrOptions.RingSidesShare"/> of the rows holding ink (a
    /// broken 0 may lose a stretch of one side). An 8's waist, a 4's crossbar and the strokes of 2, 3, 5 and 7 cross the middle;
    /// a 6 or a 9 holds one side only over a third of the band.
    /// </summary>
    public static bool IsRing(BinaryImage text, Box glyph, OcrOptions options)
    {
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, width = x1 - x0, height = (int)glyph.Y1 - y0;
        if (height < 8 || width < options.RingMinWidthShare * height) return false;
        int third = Math.Max(1, width / 3), inked = 0, both = 0;
        for (int y = y0 + (int)Math.Floor(options.RingBandTop * height); y < y0 + (int)Math.Ceiling(options.RingBandBottom * height); y++)
        {
            bool left = false, middle = false, right = false;
            for (int x = x0; x < x1; x++)
            {
                if (text.Ink[y * text.Width + x] == 0) continue;
                if (x < x0 + third) left = true;
                else if (x >= x1 - third) right = true;
                else middle = true;
            }
            if (middle) return false;
            if (left || right) inked++;
            if (left && right) both++;
        }
        return inked > 0 && both >= options.RingSidesShare * inked;
    }

    /// <summary>Whether a 1 of the number is paired (digits and glyphs one to one, left to right) with a glyph that is no 1
    /// (<see cref="IsNotOne"/>).</summary>
    public static bool RefutesOnes(string number, BinaryImage text, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (!number.Contains('1')) return false;
        var digits = number.Where(char.IsAsciiDigit).ToList();
        if (digits.Count != glyphs.Count) return false;
        for (int k = 0; k < digits.Count; k++)
            if (digits[k] == '1' && IsNotOne(text, glyphs[k], options)) return true;
        return false;
    }

    /// <summary>Whether the glyph's shape shows the digit: a 0 is a ring (<see cref="IsRing"/>) or encloses a counter, a 1 is a
    /// straight stem (<see cref="IsOne"/>, or <see cref="LoneDigit"/>'s narrower 1). No other digit has a shape check that says
    /// yes: false for them.</summary>
    public static bool Shows(char digit, BinaryImage text, Box glyph, OcrOptions options) => digit switch
    {
        '0' => IsRing(text, glyph, options) || EnclosesCounter(text, glyph, options, whenTooSmall: false),
        '1' => IsOne(text, glyph, options) || LoneDigit(text, glyph, options) == '1',
        _ => false,
    };

    /// <summary>Whether the glyph's shape is another digit's: any digit but 0 on a ring (<see cref="IsRing"/>: every other
    /// digit's strokes cross the middle of its middle rows or hold one side only), a 0 on a stem that <see cref="LoneDigit"/>
    /// takes for a 1 (a 0 and a 1 are the misreads a scan makes of each other most: a stroke a threshold broke, a ring a
    /// speck closed).</summary>
    public static bool Refutes(char digit, BinaryImage text, Box glyph, OcrOptions options) =>
        digit == '0' ? LoneDigit(text, glyph, options) == '1' : IsRing(text, glyph, options);

    /// <summary>
    /// Whether a digit's counter (the background a 6, 8 or 9 encloses) disagrees with its glyph's ink, digits and glyphs
    /// paired one to one, left to right: a 6, 8 or 9 on a glyph that encloses none (the 5 of a serif 548 in a phone-photo
    /// scan read 948 by every read at engine confidence 0.62-0.79, scored 0.995-1 in table 二, which has no identity to
    /// catch it: scan-conditions matrix, probe parts 4 and 5, 2026-12-03), or a 1 or 7 on a glyph that encloses one (a 0 read
    /// 7). A counter is background of at least <see cref="OcrOptions.MinCounterShare"/> of the glyph's box that does not reach
    /// the box's edge. A 2, 3 or 5 is not checked for a counter it should not have (blur closes their open bowls), nor a 4
    /// (printed open or closed), nor a 0 for its counter: a fax threshold breaks a 0's thin joins more often than not
    /// (measured on the matrix's 200-bilevel scans, probe part 5: checking it sent most of pdf-01's zeros to review). A
    /// broken 6, 8 or 9 can still be doubted when right; this never makes a read surer.
    /// </summary>
    public static bool CountersRefute(string number, BinaryImage text, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        var digits = number.Where(char.IsAsciiDigit).ToList();
        if (digits.Count != glyphs.Count || !digits.Any(d => d is '6' or '8' or '9' or '1' or '7')) return false;
        for (int k = 0; k < digits.Count; k++)
        {
            if (digits[k] is '6' or '8' or '9' && !EnclosesCounter(text, glyphs[k], options, whenTooSmall: true)) return true;
            if (digits[k] is '1' or '7' && EnclosesCounter(text, glyphs[k], options, whenTooSmall: false)) return true;
        }
        return false;
    }

    /// <summary>Whether the glyph's ink encloses background: the box's background not reached from its edge (flood fill,
    /// four-connected) holds a region of at least <see cref="OcrOptions.MinCounterShare"/> of the box. A glyph too small to
    /// tell (under 8 px high) gives <paramref name="whenTooSmall"/>, the answer that refutes nothing.</summary>
    private static bool EnclosesCounter(BinaryImage text, Box glyph, OcrOptions options, bool whenTooSmall)
    {
        int x0 = (int)glyph.X0, y0 = (int)glyph.Y0, w = (int)glyph.X1 - x0, h = (int)glyph.Y1 - y0;
        if (h < 8 || w < 3) return whenTooSmall;
        var seen = new bool[w * h];
        bool Ink(int x, int y) => text.Ink[(y0 + y) * text.Width + x0 + x] != 0;
        // Four-connected, unlike InkPieces' eight-connected ink: background between two strokes that touch only at a
        // corner is enclosed.
        var stack = new Stack<int>();
        void Reach(int x, int y)
        {
            if (x < 0 || y < 0 || x >= w || y >= h || seen[y * w + x] || Ink(x, y)) return;
            seen[y * w + x] = true;
            stack.Push(y * w + x);
        }
        int Fill(int start)
        {
            int area = 0;
            stack.Push(start); seen[start] = true;
            bool edge = false;
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                area++;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) edge = true;
                Reach(x - 1, y); Reach(x + 1, y); Reach(x, y - 1); Reach(x, y + 1);
            }
            return edge ? 0 : area;
        }
        int least = Math.Max(2, (int)Math.Ceiling(options.MinCounterShare * w * h));
        for (int i = 0; i < w * h; i++)
            if (!seen[i] && !Ink(i % w, i / w) && Fill(i) >= least) return true;
        return false;
    }

    /// <summary>
    /// The number with each 1 whose glyph is a 7 (<see cref="IsSeven"/>) read as 7, and each 9 or 3 whose glyph is a 5 with an
    /// open bowl (<see cref="IsOpenFive"/>) read as 5, when its digits and the glyphs pair up one to one (left to right); null
    /// when nothing changes. Every read said 1, 9 or 3 (76 read 16 at confidence 1, a WenQuanYi 7; serif 5s a fax threshold
    /// thinned read 9 and 3: scan-conditions matrix, 200-bilevel, probe parts 9 and 11 and the tuned part), in table 二 and 四
    /// cells no sum checks. A 6 is not corrected: its upper rows are a 5's, and a 6 whose counter broke is still a 6.
    /// </summary>
    public static string? CorrectSevensAndFives(string number, BinaryImage text, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (!number.Any(d => d is '1' or '9' or '3')) return null;
        return Respelled(number, glyphs, (digit, glyph) =>
            digit == '1' && IsSeven(text, glyph, options) ? '7'
            : digit is '9' or '3' && IsOpenFive(text, glyph, options) ? '5'
            : null);
    }

    /// <summary>
    /// Whether the glyph is a 7: a bar over a footless bottom (<see cref="IsNotOne"/>), one stroke (one run of ink) in every
    /// row below its top quarter, that stroke ending left of the glyph's middle, and no counter. A 2, 3, 5 or 9 has rows of
    /// two strokes below the top; a 1's stroke stands under its flag's right end.
    /// </summary>
    public static bool IsSeven(BinaryImage text, Box glyph, OcrOptions options)
    {
        if (!IsNotOne(text, glyph, options) || EnclosesCounter(text, glyph, options, whenTooSmall: true)) return false;
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, y1 = (int)glyph.Y1;
        for (int y = y0 + (y1 - y0) / 4; y < y1; y++)
            if (Runs(text, y, x0, x1).Count > 1) return false;
        var bottom = Runs(text, y1 - 1, x0, x1);
        return bottom.Count == 1 && (bottom[0].Left + bottom[0].Right) / 2.0 < (x0 + x1) / 2.0;
    }

    /// <summary>
    /// Whether the glyph is a 5 whose bowl is open (a 5 read as 9, its counter's join broken or never closed): in the rows
    /// from <see cref="OcrOptions.FiveStemTop"/> to <see cref="OcrOptions.FiveStemBottom"/> of its height (under its bar,
    /// over its bowl) ink in the left half only, and in the rows of its lower half below that ink in the right third (the
    /// bowl) in most. A 9's loop puts ink on both sides of those upper rows; a 3's upper rows hold its right side.
    /// </summary>
    public static bool IsOpenFive(BinaryImage text, Box glyph, OcrOptions options)
    {
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, width = x1 - x0, height = (int)glyph.Y1 - y0;
        if (height < 8 || width < 4 || EnclosesCounter(text, glyph, options, whenTooSmall: true)) return false;
        int stem = 0;
        for (int y = y0 + (int)Math.Floor(options.FiveStemTop * height); y < y0 + (int)Math.Ceiling(options.FiveStemBottom * height); y++)
        {
            var runs = Runs(text, y, x0, x1);
            if (runs.Count == 0) continue;
            if (runs[^1].Right >= x0 + width / 2) return false;
            stem++;
        }
        int bowl = 0, lower = 0;
        for (int y = y0 + height / 2; y < y0 + height * 4 / 5; y++)
        {
            var runs = Runs(text, y, x0, x1);
            if (runs.Count == 0) continue;
            lower++;
            if (runs[^1].Right >= x1 - width / 3) bowl++;
        }
        return stem > 0 && lower > 0 && bowl * 2 > lower;
    }

    /// <summary>The runs with those one blank pixel apart joined.</summary>
    private static List<(int Left, int Right)> Bridged(List<(int Left, int Right)> runs)
    {
        var joined = new List<(int Left, int Right)>();
        foreach (var r in runs)
            if (joined.Count > 0 && r.Left - joined[^1].Right <= 2) joined[^1] = (joined[^1].Left, r.Right);
            else joined.Add(r);
        return joined;
    }

    /// <summary>The runs of ink of one row between two columns, left to right (first and last column of each).</summary>
    private static List<(int Left, int Right)> Runs(BinaryImage text, int y, int x0, int x1)
    {
        var runs = new List<(int Left, int Right)>();
        for (int x = x0; x < x1; x++)
        {
            if (text.Ink[y * text.Width + x] == 0) continue;
            if (runs.Count > 0 && runs[^1].Right == x - 1) runs[^1] = (runs[^1].Left, x);
            else runs.Add((x, x));
        }
        return runs;
    }

    /// <summary>
    /// The number with each 4 whose glyph is a 1 (<see cref="IsOne"/>) read as 1, when its digits and the glyphs
    /// pair up one to one (left to right); null when nothing changes.
    /// </summary>
    public static string? CorrectOnes(string number, BinaryImage text, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (!number.Contains('4')) return null;
        return Respelled(number, glyphs, (digit, glyph) => digit == '4' && IsOne(text, glyph, options) ? '1' : null);
    }

    /// <summary>The number with each digit that <paramref name="shape"/> says its glyph shows otherwise spelled so, digits and
    /// glyphs paired one to one, left to right; null when they do not pair up or nothing changes.</summary>
    private static string? Respelled(string number, IReadOnlyList<Box> glyphs, Func<char, Box, char?> shape)
    {
        var digits = number.Select((c, i) => (c, i)).Where(d => char.IsAsciiDigit(d.c)).ToList();
        if (digits.Count != glyphs.Count) return null;
        var chars = number.ToCharArray();
        bool changed = false;
        for (int k = 0; k < digits.Count; k++)
            if (shape(digits[k].c, glyphs[k]) is { } shown) { chars[digits[k].i] = shown; changed = true; }
        return changed ? new string(chars) : null;
    }

    /// <summary>
    /// Whether the read has more digits than its glyphs can hold: a glyph no wider than one digit
    /// (<see cref="OcrOptions.GlyphWidthShare"/> of its height, as <see cref="CellReader.CountGlyphs"/> counts) is one digit,
    /// so a lone 1 read as 41 (a minus sign or a speck taken for a 4: -1 read -41 at 0.985 on the scan-conditions matrix)
    /// is refuted. A wider glyph may be digits that touch, and holds any number.
    /// </summary>
    public static bool TooManyDigits(string number, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (glyphs.Count == 0) return false;
        int digits = number.Count(char.IsAsciiDigit);
        if (digits <= glyphs.Count) return false;
        double tallest = glyphs.Max(g => g.Height);
        return glyphs.All(g => g.Width <= options.GlyphWidthShare * tallest);
    }

    /// <summary>
    /// Whether the ink left of the first glyph holds a minus sign: a stroke lower than <see cref="OcrOptions.SignHeightShare"/>
    /// of the digits' height and at least <see cref="OcrOptions.SignWidthShare"/> of it wide, its middle in the middle band of
    /// the digits. A change cell's -1 read as 1 at 0.985 (the scan-conditions matrix): a sign the read lacks, or one it has
    /// without such ink, leaves the number doubtful.
    /// </summary>
    public static bool MinusBefore(BinaryImage text, Box ink, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (glyphs.Count == 0) return false;
        var first = glyphs[0];
        double height = glyphs.Max(g => g.Height), top = glyphs.Min(g => g.Y0);
        int x0 = (int)ink.X0, x1 = (int)first.X0, y0 = (int)ink.Y0, y1 = (int)ink.Y1;
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
                if (text.Ink[y * text.Width + x] != 0) { minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y); }
        if (maxX < 0) return false;
        double middle = ((minY + maxY + 1) / 2.0 - top) / height;
        return maxY - minY + 1 <= options.SignHeightShare * height && maxX - minX + 1 >= options.SignWidthShare * height
               && middle is >= 0.3 and <= 0.75;
    }
}
