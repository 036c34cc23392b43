using ExtractReports.Native.Leptonica;
using ExtractReports.Native.Tesseract;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>Pages lying turned (fed sideways, upside down): found by Tesseract's OSD and turned upright.</summary>
public class PageOrientationTests
{
    private static GrayImage Numbered(int width, int height) =>
        new(width, height, Enumerable.Range(0, width * height).Select(i => (byte)i).ToArray(), 300);

    [Fact]
    public void A_quarter_turn_clockwise_takes_the_top_left_corner_to_the_top_right()
    {
        var page = Numbered(3, 2); // 0 1 2 / 3 4 5

        var turned = PageOrientation.Turn(page, 90);

        Assert.Equal((2, 3), (turned.Width, turned.Height));
        Assert.Equal([3, 0, 4, 1, 5, 2], turned.Pixels.Select(p => (int)p));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Turning_back_by_the_rest_of_a_full_turn_gives_the_page_as_it_was(int degrees)
    {
        var page = Numbered(5, 3);

        var back = PageOrientation.Turn(PageOrientation.Turn(page, degrees), 360 - degrees);

        Assert.Equal(page.Pixels, back.Pixels);
        Assert.Equal((page.Width, page.Height), (back.Width, back.Height));
    }

    private static readonly string[][] Rows =
    [
        ["信息内容", "本年新收", "上年结转", "总计"],
        ["规章制定和修订", "195", "12", "207"],
        ["行政规范性文件", "7730", "0", "7730"],
        ["行政许可事项办理", "38", "5", "43"],
        ["行政处罚和行政强制", "16", "1", "17"],
        ["行政事业性收费项目", "4", "0", "4"],
    ];

    [RenderedOcrTheory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void The_scan_reader_finds_how_a_page_lies_and_reads_it_upright(int degrees)
    {
        var imaging = new LeptonicaImaging();
        var options = new OcrOptions();
        var upright = imaging.Decode(TestPages.Table("二、主动公开政府信息情况（第二十条第（一）项）", Rows))[0];
        var page = PageOrientation.Turn(upright, degrees);
        using var engine = TesseractOcrEngine.Create(options);

        var found = engine.DetectOrientation(page);
        var read = new ScanPageReader(options, imaging, new RulingGridFinder(options)).Read(page, engine, 1, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(degrees, found.ClockwiseDegrees);
        Assert.Equal(degrees, read.TurnedDegrees);
        Assert.Contains(read.Lines, l => l.Line.Text.Contains("7730"));
    }

    /// <summary>An engine that reads every region as sure Chinese text, whatever way the page lies (as Chinese read sideways
    /// does), and whose OSD says the page lies turned 90 degrees.</summary>
    private sealed class SidewaysSure(PageOrientation orientation) : IOcrEngine
    {
        private readonly FakeOcrEngine _reads = new((_, _) => FakeOcrEngine.Words(("政府信息公开", 0.95), ("工作年度报告", 0.95), ("主动公开", 0.95)));
        public List<(int Width, int Height)> Asked { get; } = [];
        public void SetImage(GrayImage image, GrayImage? numbers = null) { }
        public OcrReading Read(ExtractReports.Pages.Box? region, OcrMode mode) => _reads.Read(region, mode);
        public OcrReading ReadEnlarged(ExtractReports.Pages.Box region, OcrMode mode, double factor) => _reads.Read(region, mode);
        public PageOrientation? DetectOrientation(GrayImage page) { Asked.Add((page.Width, page.Height)); return orientation; }
        public void Dispose() { }
    }

    private static GrayImage White(int width, int height) => new(width, height, Enumerable.Repeat((byte)255, width * height).ToArray(), 300);

    [NativeOcrFact]
    public void A_page_lying_landscape_is_turned_as_osd_says_though_it_reads_sure_as_it_lies()
    {
        var options = new OcrOptions();
        var reader = new ScanPageReader(options, new LeptonicaImaging(), new RulingGridFinder(options));
        var engine = new SidewaysSure(new PageOrientation(90, 30));

        var landscape = reader.Read(White(1200, 850), engine, 1, CancellationToken.None);
        Assert.Equal(90, landscape.TurnedDegrees);

        // A portrait page that reads sure is not asked how it lies (OSD costs a CPU-second a page).
        var portrait = reader.Read(White(850, 1200), engine, 1, CancellationToken.None);
        Assert.Equal(0, portrait.TurnedDegrees);
        Assert.Single(engine.Asked);
    }

    /// <summary>An engine whose reads depend on which way up the page is (a dark mark marks its top): upright, some of its
    /// Chinese reads sure and most not; upside down, little of its Chinese is read at all and none of it sure, but its many
    /// zeros sure, as a table page of a poor fax scan does. OSD says turned half round.</summary>
    private sealed class ZerosReadEitherWay : IOcrEngine
    {
        private bool _upright;
        public void SetImage(GrayImage image, GrayImage? numbers = null) =>
            _upright = image.Pixels.Take(image.Pixels.Length / 2).Count(p => p < 128) > image.Pixels.Skip(image.Pixels.Length / 2).Count(p => p < 128);
        public OcrReading Read(ExtractReports.Pages.Box? region, OcrMode mode) => _upright
            ? Lines(("政府信息公开工作年度报告", 0.8), ("主动公开政府信息情况第二十条第一项", 0.3), ("收到和处理政府信息公开申请情况", 0.3), ("行政复议", 0.3), ("0010", 0.9))
            : Lines(("况情请申开公息信", 0.2), ("府政理处和到收", 0.2), ("议复政行", 0.2), ("000000100000000000000000000100", 0.95));

        /// <summary>Each word a line of its own, one below the other.</summary>
        private static OcrReading Lines(params (string Text, double Confidence)[] words) =>
            new(words.Select((w, i) => (IReadOnlyList<OcrWord>)[new OcrWord(w.Text, new ExtractReports.Pages.Box(100, 200 + i * 60, 100 + 30 * w.Text.Length, 240 + i * 60), w.Confidence, w.Confidence)]).ToList(),
                words.Average(w => w.Confidence));
        public OcrReading ReadEnlarged(ExtractReports.Pages.Box region, OcrMode mode, double factor) => Read(region, mode);
        public PageOrientation? DetectOrientation(GrayImage page) => new PageOrientation(180, 30);
        public void Dispose() { }
    }

    [NativeOcrFact]
    public void A_page_osd_finds_upside_down_stays_upright_when_only_its_zeros_read_better_turned()
    {
        var options = new OcrOptions();
        var page = White(850, 1200);
        for (int y = 100; y < 130; y++)
            for (int x = 100; x < 130; x++) page.Pixels[y * page.Width + x] = 0;

        var read = new ScanPageReader(options, new LeptonicaImaging(), new RulingGridFinder(options)).Read(page, new ZerosReadEitherWay(), 1, CancellationToken.None);

        Assert.Equal(0, read.TurnedDegrees);
        Assert.Contains(read.Lines, l => l.Line.Text.Contains("政府信息公开工作年度报告"));
    }
}
