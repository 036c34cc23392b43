using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Reads one table cell on its own, which whole-page OCR cannot match (100% of numbers against 85% on a
/// clean page): the crop is cut inside the ruling lines and tightened to its ink; a blank cell is
/// not read; a cell that reads as a number is read again as one line with the digit whitelist.
/// A number read is checked against the ink: a read with fewer digits than the crop has glyphs
/// (columns of ink as tall as a digit), or an unsure one, is read again enlarged (see
/// <see cref="OcrOptions.NumberRereadFactors"/>); readings that still disagree leave the cell doubtful.
/// </summary>
public sealed class CellReader(OcrOptions options)
{
    /// <summary>A number read: its text, the engine's confidence, whether every character was sure, the least
    /// confidence of a character, how many reads were made and whether all of them gave this text.</summary>
    private readonly record struct NumberRead(string Text, double Confidence, bool Sure, double LeastGlyph = 1, int Reads = 1, bool Agree = true);

    /// <summary>Reads the cell whose box lies between ruling lines. <paramref name="text"/> is the page's
    /// ink with the ruling lines taken out. <paramref name="likelyNumber"/> (the cell's column has held
    /// numbers so far) reads digits first and keeps them when every character is sure, saving the text read.
    /// <paramref name="verifyNumbers"/> (a page enlarged from a low-resolution scan, where thin strokes give
    /// confident misreads such as 4 for 1) reads every number a second time, enlarged. <paramref name="page"/>, the
    /// page as scanned (gray), is looked at before a cell whose text ink is too little to read is called a sure blank.</summary>
    public Cell Read(IOcrEngine engine, BinaryImage text, Box cellBox, int dpi, bool likelyNumber = false, bool verifyNumbers = false,
        GrayImage? page = null)
    {
        int inset = options.Px(options.CellInsetInches, dpi);
        int x0 = (int)cellBox.X0 + inset, y0 = (int)cellBox.Y0 + inset;
        int x1 = (int)cellBox.X1 - inset, y1 = (int)cellBox.Y1 - inset;
        var noInk = new GlyphEvidence(1, 0, true, 0, 0, false, verifyNumbers);
        if (x1 - x0 < 2 || y1 - y0 < 2) return new Cell("", cellBox, 1.0) { Glyphs = noInk };
        if (InkBounds(text, x0, y0, x1, y1, options.Px(Math.Sqrt(options.MinCellInkSquareInches), dpi)) is not { } ink)
            // Faint ink the text ink lost is a read the engine was unsure of, not a sure blank.
            return UnfoundInk(engine, page, cellBox, x0, y0, x1, y1, dpi) is { } unfound
                ? unfound with { Glyphs = new GlyphEvidence(0, 1, false, 0, 0, true, verifyNumbers) }
                // Seen empty only when the page as scanned was looked at too: text ink alone loses faint digits.
                : new Cell("", cellBox, 1.0) { Glyphs = noInk with { SeenEmpty = page is not null } };

        // Tesseract reads best with a margin of white around the text, but no ruling remnants.
        int pad = options.Px(0.04, dpi);
        var region = new Box(Math.Max(x0, ink.X0 - pad), Math.Max(y0, ink.Y0 - pad), Math.Min(x1, ink.X1 + pad), Math.Min(y1, ink.Y1 + pad));
        var (glyphBoxes, digitHeight) = GlyphBoxes(text, ink, options);
        int glyphs = glyphBoxes.Count;
        double scale = NumberScale(digitHeight);

        // The digit reader's number, its sign taken from the ink and its digits checked against their glyphs' shapes.
        NumberRead? Digits() => Shaped(Apart(engine, Signed(engine, ReadNumber(engine, region, glyphs, scale, verifyNumbers), text, ink, region, glyphBoxes, scale), region, glyphBoxes, scale), text, ink, glyphBoxes);

        // A 9 whose glyph encloses no counter (a 5 read 9), a 7 whose glyph encloses one (a 0 read 7): nothing says which
        // digit it is, so the number taken is doubtful. Checked on the number taken, not before: a doubtful read is read
        // again as text, and a 0 a fax threshold opened reads there as 人.
        Cell NumberCell(NumberRead n, double confidence)
        {
            if (DigitShapes.CountersRefute(n.Text, text, glyphBoxes, options)) n = Doubtful(n with { Confidence = confidence });
            return new Cell(n.Text, cellBox, Math.Min(confidence, n.Confidence)) { Glyphs = Evidence(n) };
        }

        NumberRead? number = null;
        if (likelyNumber)
        {
            number = Digits();
            if (number is { Sure: true } sure) return NumberCell(sure, sure.Confidence);
        }

        // Glyphs as narrow as digits, as many as the digits read: a Chinese character read there (a broken 0 read as 人,
        // a -1 read as -工) is the text model's guess, not a placeholder such as 无, whose ink is as wide as tall. The
        // glyphs' span, not the ink's: a minus sign before them is no glyph.
        GlyphEvidence Evidence(NumberRead n) => new(n.LeastGlyph, n.Reads, n.Agree, glyphs, n.Text.Count(char.IsAsciiDigit), false, verifyNumbers);

        bool DigitShaped(NumberRead n, string textRead) => textRead.Any(OcrText.IsCjk) && glyphs > 0
            && n.Text.Count(char.IsAsciiDigit) == glyphs
            && glyphBoxes[^1].X1 - glyphBoxes[0].X0 <= glyphs * options.GlyphWidthShare * (ink.Y1 - ink.Y0);

        var general = engine.Read(region, OcrMode.Block);
        var words = general.Words.Where(w => w.Text.Length > 0).ToList();
        var joined = OcrText.Join(general.Lines.Select(l => OcrText.Join(l.Select(w => w.Text))));
        double confidence = words.Count == 0 ? 0 : words.Min(w => w.Confidence);
        bool numeric = OcrText.LooksNumeric(joined, options.MaxNumberLength);
        bool mark = OcrText.IsStrayMark(joined);
        // A short doubtful read may be a number the text model garbled (a digit next to a speck), and a
        // stray mark (O ] | l) in a table cell is most often a digit: try digits too.
        bool digitsTried = likelyNumber;
        if (numeric || mark || joined.Length <= options.MaxDoubtfulLength && confidence < options.DoubtfulConfidence)
        {
            digitsTried = true;
            number ??= Digits();
            if (number is { } n && (numeric || n.Confidence > confidence || DigitShaped(n, joined))) return NumberCell(n, n.Confidence);
            // The mark read surer than the digits: take the digits, no surer than the mark was, so the value
            // goes to review rather than vanishing.
            if (number is { } m && mark) return NumberCell(m with { Agree = false }, Math.Min(m.Confidence, confidence));
        }
        int reads = 1 + (number?.Reads ?? 0);
        // The digit reader read nothing from one glyph that the text model read as a mark or a character (a serif 1 alone
        // as l or 上, a 0 a fax threshold broke as 人 or (0)), or reads that shape's digit only when asked now: a 1's stem or
        // a 0's ring is that digit, doubtful. A glyph touching the cell's inset is a ruling's remnant, not a digit, which
        // stands clear of the borders.
        if (number is null && glyphs == 1 && joined.Length <= options.MaxDoubtfulLength
            && glyphBoxes[0] is var lone && lone.X0 > x0 && lone.X1 < x1 && lone.Y0 > y0 && lone.Y1 < y1
            && lone.Height >= options.Px(options.MinLoneDigitHeightInches, dpi)
            && DigitShapes.LoneDigit(text, glyphBoxes[0], options) is { } digit && joined.Where(char.IsAsciiDigit).All(d => d == digit)
            && (digitsTried || ReadNumber(engine, region, glyphs, scale, verifyNumbers) is not { } late || late.Text == digit.ToString()))
            return new Cell(digit.ToString(), cellBox, options.DoubtfulNumberConfidence)
                { Glyphs = new GlyphEvidence(0, reads + 1, false, glyphs, 1, false, verifyNumbers) };
        if (words.Count == 0) // ink that reads as nothing: a speck, or a faint mark
            return new Cell("", cellBox, 0.5) { Glyphs = new GlyphEvidence(0, reads, number is null, glyphs, 0, true, verifyNumbers) };
        return new Cell(joined, cellBox, confidence) { Glyphs = new GlyphEvidence(words.Min(w => w.MinSymbolConfidence), reads, number is null, 0, 0, false, verifyNumbers) };
    }

    /// <summary>
    /// A cell the text ink says is blank, when the page as scanned says otherwise: a thin or faint glyph (a WenQuanYi 0 at
    /// 200 dpi, a 0 a fax threshold broke) that binarisation lost or left as specks, or ink taken away with a ruling. A
    /// blank read from such a cell would be sure and wrong (a row of printed zeros read as blank at confidence 1): it is
    /// read from the page as scanned, and whatever it gives, a number or nothing, is no surer than
    /// <see cref="OcrOptions.UnfoundInkConfidence"/>. Null when the page shows nothing there either (a sure blank).
    /// </summary>
    private Cell? UnfoundInk(IOcrEngine engine, GrayImage? page, Box cellBox, int x0, int y0, int x1, int y1, int dpi)
    {
        if (page is null || FaintInk(page, x0, y0, x1, y1, dpi, options) is not { } faint) return null;
        int pad = options.Px(0.04, dpi);
        var region = new Box(Math.Max(x0, faint.X0 - pad), Math.Max(y0, faint.Y0 - pad), Math.Min(x1, faint.X1 + pad), Math.Min(y1, faint.Y1 + pad));
        var read = engine.Read(region, OcrMode.Block);
        var joined = OcrText.Join(read.Words.Where(w => w.Text.Length > 0).Select(w => w.Text));
        if (OcrText.LooksNumeric(joined, options.MaxNumberLength) && OcrText.CleanNumber(joined) is { } number)
            return new Cell(number, cellBox, Math.Min(options.UnfoundInkConfidence, read.Words.Min(w => w.Confidence)));
        return new Cell("", cellBox, options.UnfoundInkConfidence);
    }

    /// <summary>
    /// The box of faint ink in a cell of the page as scanned: pixels at least <see cref="OcrOptions.FaintInkContrast"/> darker
    /// than the cell's paper (its median level), away from its borders by <see cref="OcrOptions.FaintInkMarginInches"/>
    /// (a ruling's blurred edge), as many as a square of side <see cref="OcrOptions.FaintInkMinSideInches"/> and reaching
    /// <see cref="OcrOptions.FaintInkMinHeightInches"/> high (a stroke of a digit, not a speck of noise); null when there is none.
    /// </summary>
    internal static Box? FaintInk(GrayImage page, int x0, int y0, int x1, int y1, int dpi, OcrOptions options)
    {
        int margin = options.Px(options.FaintInkMarginInches, dpi);
        x0 = Math.Max(0, x0 + margin); y0 = Math.Max(0, y0 + margin);
        x1 = Math.Min(page.Width, x1 - margin); y1 = Math.Min(page.Height, y1 - margin);
        if (x1 - x0 < 2 || y1 - y0 < 2) return null;
        Span<int> histogram = stackalloc int[256];
        for (int y = y0; y < y1; y++)
            foreach (var p in page.Pixels.AsSpan(y * page.Width + x0, x1 - x0)) histogram[p]++;
        int half = (x1 - x0) * (y1 - y0) / 2, paper = 0;
        for (int seen = 0; paper < 255 && (seen += histogram[paper]) <= half; paper++) { }
        int level = paper - options.FaintInkContrast;
        if (level < 0) return null;
        int count = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (int y = y0; y < y1; y++)
        {
            int row = y * page.Width;
            for (int x = x0; x < x1; x++)
            {
                if (page.Pixels[row + x] > level) continue;
                count++;
                minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
            }
        }
        int side = options.Px(options.FaintInkMinSideInches, dpi);
        if (count < side * side || maxY - minY + 1 < options.Px(options.FaintInkMinHeightInches, dpi)) return null;
        return new Box(minX, minY, maxX + 1, maxY + 1);
    }

    /// <summary>
    /// The factor that brings digits <paramref name="digitHeight"/> pixels high to
    /// <see cref="OcrOptions.DigitHeightPx"/>: Tesseract's digit reader misses a lone 0 (reads nothing, 7 or 2) in
    /// 32 px high digits of a 300 dpi scan that it reads right at 24 px. 1 when the digits are near that height
    /// already (within <see cref="OcrOptions.DigitHeightTolerance"/>), so pages read well as they are keep their pixels.
    /// </summary>
    private double NumberScale(int digitHeight)
    {
        if (digitHeight <= 0) return 1;
        double factor = options.DigitHeightPx / (double)digitHeight;
        if (Math.Abs(factor - 1) <= options.DigitHeightTolerance) return 1;
        return Math.Clamp(factor, 0.5, 4);
    }

    /// <summary>
    /// Reads the region as a number at <paramref name="scale"/>, and again at that scale times each of <see cref="OcrOptions.NumberRereadFactors"/>
    /// until two reads that account for every glyph agree, unless the first is sure and accounts for them
    /// (and <paramref name="verify"/> is off). Tesseract's digit reader drops a thin leading 1 (14 read as 4)
    /// or loses a thin 0 at one scale and not at another. A value no two such reads agree on, or outvoted
    /// reads, make the number doubtful: its confidence is at most <see cref="OcrOptions.DoubtfulNumberConfidence"/>.
    /// </summary>
    private NumberRead? ReadNumber(IOcrEngine engine, Box region, int glyphs, double scale, bool verify)
    {
        var reads = new List<NumberRead>();
        bool Fits(NumberRead r) => r.Text.Count(char.IsAsciiDigit) >= glyphs;
        OcrReading Read(double factor) => ReadDigits(engine, region, factor);
        if (Number(Read(scale)) is { } first)
        {
            if (first.Sure && Fits(first) && !verify) return first;
            reads.Add(first);
        }
        foreach (var factor in options.NumberRereadFactors)
        {
            if (Number(Read(scale * factor)) is { } again) reads.Add(again);
            if (Agreed(reads.Where(Fits).ToList()) is not null) break;
        }
        if (reads.Count == 0) return null;
        var fitting = reads.Where(Fits).ToList();
        if (Agreed(fitting) is { } agreed)
        {
            var best = fitting.Where(r => r.Text == agreed).MaxBy(r => r.Confidence) with { Reads = reads.Count };
            return reads.All(r => r.Text == agreed) ? best : Doubtful(best);
        }
        return Doubtful((fitting.Count > 0 ? fitting : reads).MaxBy(r => r.Confidence) with { Reads = reads.Count });
    }

    /// <summary>
    /// A number whose minus sign the ink shows (<see cref="DigitShapes.MinusBefore"/>) and the read lacks (-1 read 1), or took
    /// for a digit as well (-1 read -41: more digits than glyphs): the sign is the ink's, and the digits are the read's when
    /// they are one a glyph, else those of the glyphs read again alone, right of the sign (measured 2026-12-03 on the
    /// scan-conditions matrix, tuned part: a WenQuanYi -1 in a table 二 change cell of a phone-photo scan read 1 at 0.08 and
    /// -41 at 0.40). Doubtful (<see cref="OcrOptions.DoubtfulNumberConfidence"/>: the reads said otherwise, and a sign
    /// restored is not a sign read); the read as it was when the digits alone do not read one a glyph either.
    /// </summary>
    private NumberRead? Signed(IOcrEngine engine, NumberRead? read, BinaryImage text, Box ink, Box region, List<Box> glyphs, double scale)
    {
        if (read is not { } r || glyphs.Count == 0) return read;
        bool lacksSign = !r.Text.StartsWith('-'), extra = DigitShapes.TooManyDigits(r.Text, glyphs, options);
        if (!lacksSign && !extra || !DigitShapes.MinusBefore(text, ink, glyphs, options)) return read;
        string digits = r.Text.TrimStart('-');
        if (digits.Count(char.IsAsciiDigit) != glyphs.Count)
        {
            // The digits' crop starts halfway between the sign's last ink and the first digit.
            var digitsRegion = region with { X0 = (SignRight(text, ink, glyphs[0]) + glyphs[0].X0) / 2 };
            var again = Number(ReadDigits(engine, digitsRegion, scale));
            if (again is not { } a || a.Text.StartsWith('-') || a.Text.Count(char.IsAsciiDigit) != glyphs.Count) return read;
            digits = a.Text;
        }
        return Doubtful(r with { Text = "-" + digits });
    }

    /// <summary>
    /// A number read with fewer digits than its ink has glyphs, each no wider than one digit: every read at every scale
    /// lost a glyph (two clean WenQuanYi 7s apart read 7 at 200 dpi bilevel, scan-conditions matrix, probe part 12). Each
    /// glyph is read again alone (its columns, the region's rows); when each reads one digit those are the number, doubtful
    /// (<see cref="OcrOptions.DoubtfulNumberConfidence"/>: the whole reads said otherwise). The read as it was otherwise.
    /// </summary>
    private NumberRead? Apart(IOcrEngine engine, NumberRead? read, Box region, List<Box> glyphs, double scale)
    {
        if (read is not { } r || glyphs.Count < 2 || r.Text.Count(char.IsAsciiDigit) >= glyphs.Count) return read;
        double tallest = glyphs.Max(g => g.Height);
        if (glyphs.Any(g => g.Width > options.GlyphWidthShare * tallest)) return read;
        // The first glyph's crop leaves out a sign before it, which the read kept.
        double margin = tallest / 4;
        var digits = new System.Text.StringBuilder(r.Text.StartsWith('-') ? "-" : "");
        for (int k = 0; k < glyphs.Count; k++)
        {
            // Halfway to the neighbours' ink: a margin of white, none of their strokes.
            double left = k == 0 ? Math.Max(region.X0, glyphs[k].X0 - margin) : (glyphs[k - 1].X1 + glyphs[k].X0) / 2;
            double right = k == glyphs.Count - 1 ? Math.Min(region.X1, glyphs[k].X1 + margin) : (glyphs[k].X1 + glyphs[k + 1].X0) / 2;
            var alone = region with { X0 = left, X1 = right };
            var one = Number(ReadDigits(engine, alone, scale));
            if (one is not { } o || o.Text.Length != 1 || !char.IsAsciiDigit(o.Text[0])) return read;
            digits.Append(o.Text);
        }
        // The digits the whole reads gave are among them, in order (7 of 77): a glyph read alone that contradicts them
        // (a ruling's remnant counted as a glyph and read as a digit beside a right read) is no evidence.
        string apart = digits.ToString();
        return Subsequence(r.Text.Where(char.IsAsciiDigit), apart) ? Doubtful(r with { Text = apart, Reads = r.Reads + glyphs.Count }) : read;
    }

    private static bool Subsequence(IEnumerable<char> part, string whole)
    {
        int at = 0;
        foreach (char c in part)
        {
            at = whole.IndexOf(c, at) + 1;
            if (at == 0) return false;
        }
        return true;
    }

    /// <summary>The right edge of the ink left of <paramref name="first"/> (the sign's), pixels.</summary>
    private static double SignRight(BinaryImage text, Box ink, Box first)
    {
        for (int x = (int)first.X0 - 1; x >= (int)ink.X0; x--)
            for (int y = (int)ink.Y0; y < (int)ink.Y1; y++)
                if (text.Ink[y * text.Width + x] != 0) return x + 1;
        return ink.X0;
    }

    /// <summary>The number with the digits its glyphs' shapes refute corrected (<see cref="DigitShapes"/>: a 4 whose ink
    /// is a 1), no surer than <see cref="OcrOptions.ShapeCorrectedConfidence"/>: the reads all said otherwise; a 1 whose ink
    /// is no 1 leaves the number doubtful.</summary>
    private NumberRead? Shaped(NumberRead? read, BinaryImage text, Box ink, List<Box> glyphs)
    {
        if (read is not { } r) return read;
        // More digits than the glyphs hold, or a sign the ink does not show (or shows and the read lacks): doubtful.
        if (DigitShapes.TooManyDigits(r.Text, glyphs, options) || r.Text.StartsWith('-') != DigitShapes.MinusBefore(text, ink, glyphs, options))
            return Doubtful(r);
        NumberRead Corrected(string digits) =>
            r with { Text = digits, Confidence = Math.Min(r.Confidence, options.ShapeCorrectedConfidence), Sure = false, Agree = false };
        if (DigitShapes.CorrectSevensAndFives(r.Text, text, glyphs, options) is { } sevensAndFives) r = Corrected(sevensAndFives);
        // A 1 whose glyph is no 1 and no clear 7 (a bar over a footless stroke): nothing says what it is; doubtful.
        if (DigitShapes.RefutesOnes(r.Text, text, glyphs, options)) return Doubtful(r);
        if (DigitShapes.CorrectOnes(r.Text, text, glyphs, options) is { } ones) return Corrected(ones);
        return LoneDigitUnsupported(r, text, glyphs) ? Doubtful(r) : r;
    }

    /// <summary>
    /// Whether a number of one glyph and one digit is one its glyph's shape does not vouch for: a 1 (or any digit but 0) on a
    /// ring or a 0 on a stem (<see cref="DigitShapes.Refutes"/>), or a digit the engine was less than <see cref="OcrOptions.SureDigitConfidence"/>
    /// sure of that the shape does not show (<see cref="DigitShapes.Shows"/>: only a 0 and a 1 can be shown). Such a digit is
    /// the whole value, so one misread is a wrong value, and in table 二 and many table 三 rows no sum checks it: a clean
    /// WenQuanYi -1 read -4 with engine confidence 0.61 by two agreeing reads scored 0.986 (200 dpi bilevel with hairline
    /// rulings, scan-conditions matrix, probe part 17). Numbers of several digits are not doubted so: their reads disagree
    /// or their sums break when one digit is misread far more often than a lone digit's reads do.
    /// </summary>
    private bool LoneDigitUnsupported(NumberRead r, BinaryImage text, List<Box> glyphs)
    {
        if (glyphs.Count != 1 || r.Text.TrimStart('-') is not [var digit] || !char.IsAsciiDigit(digit)) return false;
        if (DigitShapes.Refutes(digit, text, glyphs[0], options)) return true;
        return r.Confidence < options.SureDigitConfidence && !DigitShapes.Shows(digit, text, glyphs[0], options);
    }

    /// <summary>The digit reader's reading of a region at a scale: on the page as it is at 1, a crop enlarged otherwise.</summary>
    private static OcrReading ReadDigits(IOcrEngine engine, Box region, double scale) =>
        scale == 1 ? engine.Read(region, OcrMode.Number) : engine.ReadEnlarged(region, OcrMode.Number, scale);

    /// <summary>The value two of the reads give, or null.</summary>
    private static string? Agreed(List<NumberRead> reads) =>
        reads.GroupBy(r => r.Text).FirstOrDefault(g => g.Count() >= 2)?.Key;

    private NumberRead Doubtful(NumberRead r) =>
        r with { Confidence = Math.Min(r.Confidence, options.DoubtfulNumberConfidence), Sure = false, Agree = false };

    private NumberRead? Number(OcrReading reading)
    {
        var words = reading.Words.Where(w => w.Text.Length > 0).ToList();
        if (words.Count == 0 || OcrText.CleanNumber(string.Concat(words.Select(w => w.Text))) is not { } clean) return null;
        double least = words.Min(w => w.MinSymbolConfidence);
        return new NumberRead(clean, words.Min(w => w.Confidence), least >= options.SureDigitConfidence, least);
    }

    /// <summary>
    /// The glyphs of a number in its ink box: runs of ink columns (digits stand apart, while a broken stroke
    /// stays within its digit's columns) at least <see cref="OcrOptions.GlyphHeightShare"/> as tall as the
    /// tallest, so a comma, a point, a minus sign or a speck does not count. Neighbouring runs that together
    /// are no wider than one digit (<see cref="OcrOptions.GlyphWidthShare"/> of the height) are one glyph: a
    /// 0 whose thin joins a bilevel scan lost falls apart into ( and ). Digits that touch count as one.
    /// </summary>
    internal static int CountGlyphs(BinaryImage text, Box ink, OcrOptions options) => Glyphs(text, ink, options).Count;

    /// <summary>The glyphs of <see cref="CountGlyphs"/> and the height of the tallest (the digits' height), pixels.</summary>
    internal static (int Count, int Height) Glyphs(BinaryImage text, Box ink, OcrOptions options)
    {
        var (boxes, height) = GlyphBoxes(text, ink, options);
        return (boxes.Count, height);
    }

    /// <summary>The boxes of the glyphs of <see cref="CountGlyphs"/>, left to right (each tight to its ink), and the
    /// height of the tallest run (the digits' height), pixels.</summary>
    internal static (List<Box> Boxes, int Height) GlyphBoxes(BinaryImage text, Box ink, OcrOptions options)
    {
        int x0 = (int)ink.X0, x1 = (int)ink.X1, y0 = (int)ink.Y0, y1 = (int)ink.Y1;
        var runs = new List<(int Left, int Right, int Top, int Bottom)>();
        int top = int.MaxValue, bottom = -1, left = 0;
        for (int x = x0; x <= x1; x++)
        {
            int colTop = int.MaxValue, colBottom = -1;
            if (x < x1)
                for (int y = y0; y < y1; y++)
                    if (text.Ink[y * text.Width + x] != 0) { colTop = Math.Min(colTop, y); colBottom = y; }
            if (colBottom >= 0)
            {
                if (bottom < 0) left = x;
                top = Math.Min(top, colTop); bottom = Math.Max(bottom, colBottom);
                continue;
            }
            if (bottom >= 0) runs.Add((left, x, top, bottom + 1));
            top = int.MaxValue; bottom = -1;
        }
        if (runs.Count == 0) return ([], 0);
        int tallest = runs.Max(r => r.Bottom - r.Top);
        var glyphs = new List<Box>();
        foreach (var r in runs.Where(r => r.Bottom - r.Top >= options.GlyphHeightShare * tallest))
        {
            if (glyphs.Count > 0 && r.Right - glyphs[^1].X0 <= options.GlyphWidthShare * tallest)
            {
                var g = glyphs[^1];
                glyphs[^1] = new Box(g.X0, Math.Min(g.Y0, r.Top), r.Right, Math.Max(g.Y1, r.Bottom));
                continue;
            }
            glyphs.Add(new Box(r.Left, r.Top, r.Right, r.Bottom));
        }
        return (glyphs, tallest);
    }

    /// <summary>The box of the ink inside a rectangle, when there is at least a square of side
    /// <paramref name="minSide"/> worth of it; null for a blank cell.</summary>
    internal static Box? InkBounds(BinaryImage text, int x0, int y0, int x1, int y1, int minSide)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(text.Width, x1); y1 = Math.Min(text.Height, y1);
        int count = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (int y = y0; y < y1; y++)
        {
            int row = y * text.Width;
            for (int x = x0; x < x1; x++)
            {
                if (text.Ink[row + x] == 0) continue;
                count++;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        return count < minSide * minSide ? null : new Box(minX, minY, maxX + 1, maxY + 1);
    }
}
