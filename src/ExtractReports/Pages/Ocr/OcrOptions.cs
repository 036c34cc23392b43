namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Every knob of scan reading, with its default. Lengths are in inches and turned into pixels with the
/// page's resolution, so 150 dpi and 300 dpi scans behave alike.
/// </summary>
public sealed record OcrOptions
{
    /// <summary>Folder holding chi_sim.traineddata; null finds it (TESSDATA_PREFIX, then the Debian and
    /// Windows install folders: see <see cref="TessdataLocator"/>). The CLI's --tessdata sets it.</summary>
    public string? Tessdata { get; init; }

    /// <summary>Tesseract language(s). chi_sim reads the Chinese labels and the digits.</summary>
    public string Language { get; init; } = "chi_sim";

    /// <summary>Language numeric cells are read with (digit whitelist). eng reads printed digits better than
    /// chi_sim (a clean "195" that chi_sim reads as 193); it ships with every Tesseract install. Empty: use
    /// <see cref="Language"/>.</summary>
    public string NumberLanguage { get; init; } = "eng";

    /// <summary>Documents read with OCR at once, one engine each, kept alive for reuse; 0 means one per processor (one engine per worker).</summary>
    public int MaxEngines { get; init; }

    /// <summary>Whether an engine is kept for the next document when one is done (default), or ended. An engine that has
    /// read a page held about 65 MB of the C heap in use, 100 MB once it had detected orientation (glibc's mallinfo2), and
    /// its pages leave the heap fragmented: a 10,000-document batch that kept its engine stayed at 343-365 MB resident
    /// through the text documents after its scans (GC: 56-78 MB), 209-222 MB when it ended them (README "Scale"). Ending
    /// costs a fresh start per scanned document (<see cref="OcrEnginePool"/>); the batch commands end them.</summary>
    public bool KeepIdleEngines { get; init; } = true;

    /// <summary>Resolution used to render PDF pages that hold no single page image (pdftoppm -r).</summary>
    public int RenderDpi { get; init; } = 300;

    /// <summary>Pages below this resolution are enlarged before OCR: Tesseract misreads digits under ~20 px high.</summary>
    public int MinOcrDpi { get; init; } = 220;

    /// <summary>Black-and-white scans below this resolution are enlarged by <see cref="BilevelEnlargement"/> instead: the
    /// threshold broke their thin strokes, and the Chinese of table captions reads better from an interpolated page
    /// one and a half times as large than from the 220 dpi target (measured on the scan-conditions matrix: a 200 dpi G4
    /// page enlarged to 250 dpi lost every caption of a serif report, and a 150 dpi one enlarged to 300 dpi too).</summary>
    public int MinBilevelOcrDpi { get; init; } = 300;
    public double BilevelEnlargement { get; init; } = 1.5;

    /// <summary>Width of the paper in inches, used to estimate an image's resolution when the file does not
    /// say (A4: 8.27). Only scales lengths, so a wrong guess by 20% does no harm.</summary>
    public double AssumedPageWidthInches { get; init; } = 8.27;

    /// <summary>Narrowest and widest page believed, inches: a stated resolution that makes the page narrower
    /// than A5 or wider than landscape A3 is a placeholder, and the resolution is estimated instead.</summary>
    public double MinPageWidthInches { get; init; } = 5.5;
    public double MaxPageWidthInches { get; init; } = 16.6;

    /// <summary>Whether a page that reads as mostly illegible is asked how it lies (Tesseract's OSD) and, found turned by
    /// 90, 180 or 270 degrees, read again upright.</summary>
    public bool DetectOrientation { get; init; } = true;

    /// <summary>A page whose characters are read at least <see cref="LegibleConfidence"/> sure in a share below this is
    /// asked how it lies. Measured on pdf-03 of the scan-conditions matrix: its pages upright (300 dpi gray) read 0.55 to
    /// 0.92 of their characters that sure, the same pages upside down or sideways 0 to 0.25.</summary>
    public double MinLegibleShare { get; init; } = 0.4;
    public double LegibleConfidence { get; init; } = 0.5;

    /// <summary>Pages with fewer characters read than this are not judged by their legibility (a blank or image page).</summary>
    public int MinLegibilityCharacters { get; init; } = 40;

    /// <summary>Least OSD confidence for a page to be turned: pages of text score 5 to 20 in their true orientation,
    /// a page with a few words or none scores near 0 and is left as it is.</summary>
    public double MinOrientationConfidence { get; init; } = 2;

    /// <summary>Largest skew searched for, degrees. Scans come rotated up to 5 degrees; leptonica's sweep does not find a
    /// skew near its edge (with 5, pages of pdf-03 skewed 4.1 and 4.6 degrees in the matrix's 300-skew-5 were left as they
    /// were, and their tables not found), so the search reaches beyond.</summary>
    public double MaxSkewDegrees { get; init; } = 7;

    /// <summary>Least confidence of the skew finder (leptonica's ratio of best to average alignment score) for a
    /// page to be turned; table pages of real scans score 1.5 to 3, a blank page about 1.</summary>
    public double MinSkewConfidence { get; init; } = 1.3;

    /// <summary>Shortest horizontal ink run kept as a ruling line, inches: longer than any run of text
    /// (a "——" placeholder is about 0.3 in).</summary>
    public double MinHorizontalRulingInches { get; init; } = 0.5;

    /// <summary>Shortest vertical ink run kept as a ruling line, inches: taller than a heading's character,
    /// not taller than one table row (a row is about 0.3 in).</summary>
    public double MinVerticalRulingInches { get; init; } = 0.25;

    /// <summary>Ruling lines a scan broke into pieces (hairlines, faint lines): see <see cref="BrokenRulingFinder"/>.</summary>
    public BrokenRulingOptions BrokenRulings { get; init; } = new();

    /// <summary>Sauvola factor of the second, more sensitive binarization of gray pages that ruling lines are looked for in
    /// (0: none). A dotted or faint ruling of a gray scan is light gray, and the text's binarization (factor 0.34: a pixel
    /// about a third darker than its neighbourhood) keeps a tenth of its pixels, too few to find it by; at 0.1 (a tenth
    /// darker) a 200 dpi dotted line keeps about half. Text and its JPEG halo also come out heavier, which only makes a
    /// false line through text less likely. A page whose pixels are black and white (<see cref="ScanPageReader.IsBilevel"/>)
    /// has no faint ink and is left alone. Off in the fifth round, when it was measured only together with
    /// <see cref="RulingGapOptions.Enabled"/> (hzq2023_working's dotted scan lost tables then); alone, on main after the grid
    /// steps, it finds the dotted tables and leaves the grids of gray scans with drawn rulings as they were
    /// (docs/scan-reader.md, "s9-dotted").</summary>
    public double FaintRulingSauvolaFactor { get; init; } = 0.1;

    /// <summary>Stretches of table lines a scan lost (a line that stops in the air): see <see cref="RulingGapCloser"/>.</summary>
    public RulingGapOptions RulingGaps { get; init; } = new();

    /// <summary>Ruling pieces closer than this (inches) are one line (thick or slightly skewed lines).</summary>
    public double RulingMergeInches { get; init; } = 0.03;

    /// <summary>A border between two grid cells counts as drawn when this share of it is inked; otherwise
    /// the two cells are one merged cell. The masks hold line ink only, so a third of a border inked is a line a fax-like
    /// scan broke (a merged cell of the design has none); 0.6 before issue 9's grid steps, see docs/scan-reader.md, grid
    /// round 6 and "Grid steps on by default".</summary>
    public double BorderPresentFraction { get; init; } = 0.3;

    /// <summary>Whether <see cref="RulingGridFinder"/> joins a table found in pieces (groups of lines whose outlines overlap,
    /// line pieces crossing nothing inside a table), as a fax-like scan that lost hairline stretches leaves it. On (the
    /// default); see docs/scan-reader.md, "Grid steps on by default".</summary>
    public bool JoinGridPieces { get; init; } = true;

    /// <summary>Longest stretch of a grid border, in cells, that <see cref="RulingGridFinder"/> completes from the grid's
    /// shape when a scan lost it (drawn on both sides of the stretch, nothing in it); 0: none. 4 (the default): the
    /// stretches a 150-200 dpi bilevel scan loses; see docs/scan-reader.md, "Grid steps on by default".</summary>
    public int MaxCompletedCells { get; init; } = 4;

    /// <summary><see cref="MergedCellSplitter"/> cuts a merged cell along a grid line of which the ruling masks keep a piece
    /// this long inside the cell (a fax-like scan's broken border; a merged cell of the design has none); 0: never.</summary>
    public double MinCellCutInches { get; init; } = 0.1;

    /// <summary>Text crosses a grid line, and <see cref="MergedCellSplitter"/> does not cut there, where ink runs through
    /// the line this far either side (farther than a ruling left in the text ink is thick).</summary>
    public double CellCutCrossingInches { get; init; } = 0.02;

    /// <summary>A grid column at most this many times as wide as the table's median column is a number column (numbers
    /// sit in columns of about one width; labels in wider ones). <see cref="RulingGridFinder"/> completes a column line lost
    /// in a table's last row only between two number columns: a last-row label spanning label columns is the design
    /// ((七)总计, 四、结转下年度继续办理). 1.5: table 三's and 四's number columns are within 1.3 of their median on the scans
    /// drawn, the label columns 1.7-4.2 times it (the narrow first column holding 三、本年度办理结果 is as narrow as a number column).</summary>
    public double NumberColumnWidthFactor { get; init; } = 1.5;

    /// <summary>Ink this close across a ruling line (inches) belongs to the line: the blurred edges of a
    /// scanned line that its opened mask misses.</summary>
    public double RulingHaloInches { get; init; } = 0.015;

    /// <summary>Gray level (0-255) below which a pixel is ink whatever its neighbourhood (bold strokes).</summary>
    public int DarkInkLevel { get; init; } = 110;

    /// <summary>Ink pieces no larger than this square (inches) are scan noise and not text (a printed point at
    /// 10 pt is about 0.02 in).</summary>
    public double MaxSpeckInches { get; init; } = 0.01;

    /// <summary>Gray kept around text ink for OCR, inches (the anti-aliased edge of a stroke); the rest of
    /// the page, noise and ruling lines included, is made white before Tesseract sees it.</summary>
    public double InkRimInches { get; init; } = 0.008;

    /// <summary>Inset from a cell's borders before reading it, inches: keeps ruling lines out of the crop.</summary>
    public double CellInsetInches { get; init; } = 0.02;

    /// <summary>A cell with fewer ink pixels than this area (square inches) is blank and not read.</summary>
    public double MinCellInkSquareInches { get; init; } = 0.0008;

    /// <summary>A cell whose text ink is too little to read is a sure blank only when the page as scanned shows no faint ink
    /// there either (<see cref="CellReader"/>): pixels at least this many gray levels darker than the cell's paper, ...</summary>
    public int FaintInkContrast { get; init; } = 60;

    /// <summary>... farther than this from the cell's inset (inches: a ruling's blurred edge is not ink), ...</summary>
    public double FaintInkMarginInches { get; init; } = 0.02;

    /// <summary>... as many as a square of this side (inches) ...</summary>
    public double FaintInkMinSideInches { get; init; } = 0.012;

    /// <summary>... reaching this high (inches: a digit's stroke, not a speck of noise).</summary>
    public double FaintInkMinHeightInches { get; init; } = 0.03;

    /// <summary>Highest confidence of what a cell with faint ink the text ink lost reads as (a number or a blank): a row of
    /// printed zeros whose thin glyphs binarisation lost was read as a sure blank (measured on the scan-conditions
    /// matrix, 0.995-1). Below the review threshold.</summary>
    public double UnfoundInkConfidence { get; init; } = 0.5;

    /// <summary>Longest text (characters, no CJK) that is re-read as a number with the digit whitelist.</summary>
    public int MaxNumberLength { get; init; } = 16;

    /// <summary>A cell read as text this short (characters) and below <see cref="DoubtfulConfidence"/> is also
    /// read as a number, and the surer reading wins.</summary>
    public int MaxDoubtfulLength { get; init; } = 3;
    public double DoubtfulConfidence { get; init; } = 0.85;

    /// <summary>In a column that has held only numbers, a digit read whose every character is at least this
    /// sure is kept without the Chinese read (half the time of a table page); anything less is read both ways.</summary>
    public double SureDigitConfidence { get; init; } = 0.9;

    /// <summary>Enlargements a doubtful number is read again at, in order, until two reads agree: a digit read
    /// that drops a thin leading 1, loses a thin 0 or takes a 1 for a 4 at one scale mostly reads right at another.</summary>
    public IReadOnlyList<double> NumberRereadFactors { get; init; } = [2.0, 1.5];

    /// <summary>Height, pixels, digits are brought to before a number is read (each crop scaled by itself): Tesseract's
    /// LSTM reads lone digits 20-26 px high best; 300 dpi scans of 10-11 pt print have them 30-34 px high.</summary>
    public int DigitHeightPx { get; init; } = 24;

    /// <summary>Digits within this share of <see cref="DigitHeightPx"/> are read as they are (no scaling).</summary>
    public double DigitHeightTolerance { get; init; } = 0.15;

    /// <summary>A number's glyph is a run of ink columns at least this share of the tallest run's height
    /// (a digit); lower runs (a comma, a point, a minus sign, a speck) are not counted.</summary>
    public double GlyphHeightShare { get; init; } = 0.6;

    /// <summary>Widest one digit's ink is, as a share of the digits' height: pieces of ink that fit in this
    /// width together are one broken digit, not two.</summary>
    public double GlyphWidthShare { get; init; } = 0.8;

    /// <summary>A glyph is a 1 (<see cref="DigitShapes"/>) when every row of its middle band, from this share of its height
    /// to <see cref="StemBandBottom"/>, holds one run of ink no wider than <see cref="StemWidthShare"/> of the glyph's width
    /// (a WenQuanYi 1: stem 4 px of a 22 px wide glyph, its flag reaching down to 0.3 of its height and its foot below 0.9; a 4's middle rows hold its diagonal beside its
    /// stem, or its crossbar).</summary>
    public double StemBandTop { get; init; } = 0.4;
    public double StemBandBottom { get; init; } = 0.75;
    public double StemWidthShare { get; init; } = 0.4;

    /// <summary>A lone glyph the digit reader read nothing from is a 1 (<see cref="DigitShapes.LoneDigit"/>) only when no wider than
    /// this share of its height (a serif 1 with flag and foot: 0.35-0.7), its middle band a straight stem no wider than
    /// <see cref="StemWidthShare"/> of the glyph or <see cref="StemHeightShare"/> of its height (a 150 dpi serif 1: stem 4 px of a
    /// 9 px wide, 26 px high glyph, enlarged x1.5).</summary>
    public double LoneOneWidthShare { get; init; } = 0.75;
    public double StemHeightShare { get; init; } = 0.2;

    /// <summary>A page number (<see cref="PageFolios"/>): a line of at most this many characters (`- 12 -`), no wider than
    /// <see cref="MaxFolioWidthInches"/>, in the page's outer <see cref="FolioMarginShare"/> of its height (A4: 1.2 in), nothing beyond it.</summary>
    public int MaxFolioLength { get; init; } = 7;
    public double MaxFolioWidthInches { get; init; } = 1.0;
    public double FolioMarginShare { get; init; } = 0.1;

    /// <summary>Least height of a lone glyph taken for a digit by its shape: a digit of 8 pt is 0.08 in high, a speck is lower.</summary>
    public double MinLoneDigitHeightInches { get; init; } = 0.05;

    /// <summary>A lone glyph is a 0 (<see cref="DigitShapes.IsRing"/>) when at least this share of its height wide (a serif 0:
    /// 0.5-0.6; a 1 or a broken half of a 0 is narrower) and, in the rows of its band from <see cref="RingBandTop"/> to
    /// <see cref="RingBandBottom"/> of its height, its middle third is blank and both outer thirds hold ink in
    /// <see cref="RingSidesShare"/> of the rows holding ink.</summary>
    public double RingMinWidthShare { get; init; } = 0.35;
    public double RingBandTop { get; init; } = 0.3;
    public double RingBandBottom { get; init; } = 0.7;
    public double RingSidesShare { get; init; } = 0.8;

    /// <summary>Least area of a digit's counter (the background a 6, 8 or 9 encloses), as a share of its glyph's box
    /// (<see cref="DigitShapes.CountersRefute"/>): a serif 9's counter is about a tenth of its box; a speck of background inside
    /// a stroke (noise) is far less.</summary>
    public double MinCounterShare { get; init; } = 0.02;

    /// <summary>A glyph read as 1 is no 1 (<see cref="DigitShapes.IsNotOne"/>) when a row of its top band (this share of its
    /// height) spans <see cref="TopBarHeightShare"/> of its height and no row of its bottom band spans more than
    /// <see cref="FootlessHeightShare"/>: a 7's bar (WenQuanYi: 0.67 of the height) over its stroke's end (0.13), where a 1's
    /// flag spans 0.27-0.31 and a 1 wide at the top has a foot.</summary>
    public double BarBandShare { get; init; } = 0.15;
    public double TopBarHeightShare { get; init; } = 0.5;
    public double FootlessHeightShare { get; init; } = 0.3;

    /// <summary>A minus sign before the digits (<see cref="DigitShapes.MinusBefore"/>) is ink no higher than this share of the
    /// digits' height (a stroke, not a digit or a plus sign) and at least <see cref="SignWidthShare"/> of it wide (not a speck).</summary>
    public double SignHeightShare { get; init; } = 0.25;
    public double SignWidthShare { get; init; } = 0.25;

    /// <summary>The rows of a glyph, as shares of its height, where a 5 has its stem alone, under its bar and over its bowl
    /// (<see cref="DigitShapes.IsOpenFive"/>): Liberation Serif's bar ends at 0.1 and its bowl starts at 0.37 of the height, a 200 dpi
    /// bilevel serif 5's at 0.35.</summary>
    public double FiveStemTop { get; init; } = 0.2;
    public double FiveStemBottom { get; init; } = 0.3;

    /// <summary>Highest confidence of a number whose digit reads were overruled by their glyphs' shapes: right more often
    /// than not, but every read said otherwise, so it goes to review.</summary>
    public double ShapeCorrectedConfidence { get; init; } = 0.8;

    /// <summary>Highest confidence of a number whose reads disagree, or that has fewer digits than its ink has
    /// glyphs: low enough that the field goes to review.</summary>
    public double DoubtfulNumberConfidence { get; init; } = 0.4;

    /// <summary>Numbers read one after another in a column before its next cells are read digits first.</summary>
    public int NumericColumnEvidence { get; init; } = 2;

    /// <summary>Words of whole-page OCR further apart than this many line heights start a new cell.</summary>
    public double CellGapLineHeights { get; init; } = 1.2;

    /// <summary>Borderless tables (<see cref="WhitespaceGridFinder"/>): white a number has on both sides along its line,
    /// inches. A table number stands alone in its cell; a digit in prose or a label's ordinal touches its text.</summary>
    public double BorderlessMinGutterInches { get; init; } = 0.12;

    /// <summary>Least white between two numbers of one table row, inches: numbers closer together are prose or a
    /// phone number, not cells of their own.</summary>
    public double BorderlessMinColumnGapInches { get; init; } = 0.2;

    /// <summary>Ink pieces closer than this along a line (inches) are one number (its digits, a decimal point).</summary>
    public double BorderlessBlobGapInches { get; init; } = 0.05;

    /// <summary>Height range of a number, inches: lower keeps specks out, upper keeps out brackets and rules.</summary>
    public double BorderlessMinDigitHeightInches { get; init; } = 0.05;
    public double BorderlessMaxDigitHeightInches { get; init; } = 0.3;

    /// <summary>Widest number, inches (a fee amount such as 17491.131694 is about 1 in at 10 pt).</summary>
    public double BorderlessMaxNumberWidthInches { get; init; } = 1.6;

    /// <summary>White kept around a borderless cell's column span and row band when it is read, inches (at most half
    /// the way to the next column or row).</summary>
    public double BorderlessCellPadInches { get; init; } = 0.04;

    /// <summary>A line of words joins a borderless table row as its label when their middles are at most this share of
    /// the line's height apart (same line); a wrapped label's lines around a number centred between them are farther.</summary>
    public double LabelRowDriftLineHeights { get; init; } = 0.3;

    /// <summary>Seconds a poppler tool may take on one document before it is stopped.</summary>
    public int ToolTimeoutSeconds { get; init; } = 120;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Language)) throw new ArgumentException("OCR language is empty");
        if (NumberLanguage is null) throw new ArgumentException("NumberLanguage must not be null (empty means the text language)");
        if (MaxEngines < 0) throw new ArgumentException("MaxEngines must be 0 (one per processor) or more");
        if (RenderDpi is < 72 or > 1200) throw new ArgumentException("RenderDpi must be between 72 and 1200");
        if (BorderPresentFraction is <= 0 or > 1) throw new ArgumentException("BorderPresentFraction must be in (0,1]");
        if (MinCellCutInches < 0) throw new ArgumentException("MinCellCutInches must not be negative");
        if (CellCutCrossingInches <= 0) throw new ArgumentException("CellCutCrossingInches must be positive");
        if (MaxCompletedCells < 0) throw new ArgumentException("MaxCompletedCells must not be negative");
        if (NumberColumnWidthFactor < 1) throw new ArgumentException("NumberColumnWidthFactor must be at least 1");
        if (MaxSkewDegrees is < 0 or > 45) throw new ArgumentException("MaxSkewDegrees must be in [0,45]");
        if (AssumedPageWidthInches <= 0) throw new ArgumentException("AssumedPageWidthInches must be positive");
        if (BilevelEnlargement is < 1 or > 4) throw new ArgumentException("BilevelEnlargement must lie in [1,4]");
        if (DigitHeightPx is < 10 or > 100) throw new ArgumentException("DigitHeightPx must be between 10 and 100");
        BrokenRulings.Validate();
        RulingGaps.Validate();
        if (FaintRulingSauvolaFactor is < 0 or >= 0.34) throw new ArgumentException("FaintRulingSauvolaFactor must lie in [0, 0.34)");
        if (NumberRereadFactors is null || NumberRereadFactors.Any(f => f is < 1 or > 4)) throw new ArgumentException("NumberRereadFactors must lie in [1,4]");
    }

    internal int Px(double inches, int dpi) => Math.Max(1, (int)Math.Round(inches * dpi));
}
