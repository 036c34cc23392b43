using System.Runtime.InteropServices;
using ExtractReports.Native.Leptonica;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native.Tesseract;

/// <summary>
/// <see cref="IOcrEngine"/> over Tesseract 5's C API (LSTM engine). One instance per worker thread:
/// the image is set once per page and any number of rectangles are read from it. Numbers are read by a
/// second Tesseract instance with <see cref="OcrOptions.NumberLanguage"/>, given the page only when a
/// number is first read from it.
/// </summary>
public sealed class TesseractOcrEngine : IOcrEngine
{
    /// <summary>What a numeric cell may hold: digits, a sign, and the separators of 1,234 and 1646.37.</summary>
    public const string NumberCharacters = "0123456789-.,";

    private readonly Instance _text;
    private readonly Instance _numbers;
    private GrayImage? _image, _numberImage;
    /// <summary>Where osd.traineddata is looked for; the orientation instance is started on the first page asked about.</summary>
    private readonly string _tessdata;
    private Instance? _orientation;
    private bool _noOrientation;

    private TesseractOcrEngine(Instance text, Instance numbers, string tessdata) { _text = text; _numbers = numbers; _tessdata = tessdata; }

    /// <summary>Starts an engine with the language data found by <see cref="TessdataLocator"/>.</summary>
    public static TesseractOcrEngine Create(OcrOptions options)
    {
        NativeLibraries.EnsureInitialized();
        var numberLanguage = string.IsNullOrEmpty(options.NumberLanguage) ? options.Language : options.NumberLanguage;
        var folder = TessdataLocator.Locate(options.Tessdata, options.Language + "+" + numberLanguage);
        var text = Instance.Start(folder, options.Language);
        if (numberLanguage == options.Language) return new TesseractOcrEngine(text, text, folder);
        try { return new TesseractOcrEngine(text, Instance.Start(folder, numberLanguage), folder); }
        catch { text.Dispose(); throw; }
    }

    /// <summary>The library's version string, e.g. 5.3.0.</summary>
    public static string Version()
    {
        NativeLibraries.EnsureInitialized();
        return Marshal.PtrToStringUTF8(Tess.TessVersion()) ?? "";
    }

    public void SetImage(GrayImage image, GrayImage? numbers = null)
    {
        if (numbers is not null && (numbers.Width != image.Width || numbers.Height != image.Height))
            throw new ArgumentException("the number image must have the page's size");
        _image = image;
        _numberImage = numbers ?? image;
        _text.SetImage(image);
    }

    public OcrReading Read(Box? region, OcrMode mode)
    {
        if (_image is null) throw new InvalidOperationException("SetImage must come before Read");
        // One Tesseract instance serves both when the languages are the same; it then swaps images.
        var instance = mode == OcrMode.Number ? _numbers : _text;
        instance.SetImage(mode == OcrMode.Number ? _numberImage! : _image);
        return instance.Read(region, mode);
    }

    public OcrReading ReadEnlarged(Box region, OcrMode mode, double factor)
    {
        if (_image is null) throw new InvalidOperationException("SetImage must come before Read");
        var source = mode == OcrMode.Number ? _numberImage! : _image;
        int x0 = Math.Clamp((int)Math.Floor(region.X0), 0, source.Width - 1), y0 = Math.Clamp((int)Math.Floor(region.Y0), 0, source.Height - 1);
        int w = Math.Clamp((int)Math.Ceiling(region.X1) - x0, 1, source.Width - x0), h = Math.Clamp((int)Math.Ceiling(region.Y1) - y0, 1, source.Height - y0);
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++) source.Pixels.AsSpan((y0 + y) * source.Width + x0, w).CopyTo(pixels.AsSpan(y * w, w));
        using var crop = Pix.FromGray(new GrayImage(w, h, pixels, source.Dpi));
        using var scaled = Pix.Own(Lept.pixScale(crop.DangerousGetHandle(), (float)factor, (float)factor), "scale a cell");
        // The instance now holds the crop; its next page read sets the page again (a copy, cheap next to a read).
        var instance = mode == OcrMode.Number ? _numbers : _text;
        var bordered = WithWhiteBorder(scaled.ToGray((int)Math.Round(source.Dpi * factor)), CropBorderPx);
        instance.SetImage(bordered);
        var reading = instance.Read(null, mode);
        Box Back(Box b) => new(x0 + (b.X0 - CropBorderPx) / factor, y0 + (b.Y0 - CropBorderPx) / factor, x0 + (b.X1 - CropBorderPx) / factor, y0 + (b.Y1 - CropBorderPx) / factor);
        return reading with { Lines = reading.Lines.Select(l => (IReadOnlyList<OcrWord>)l.Select(word => word with { Box = Back(word.Box) }).ToList()).ToList() };
    }

    /// <summary>
    /// Tesseract's orientation detection (legacy classifier over osd.traineddata, which Debian's tesseract-ocr
    /// installs): it classifies a bounded number of the page's glyphs in the four orientations. Without that
    /// file the engine cannot tell, and says so once (null from then on).
    /// </summary>
    public PageOrientation? DetectOrientation(GrayImage page)
    {
        if (_noOrientation) return null;
        if (_orientation is null)
        {
            if (!File.Exists(Path.Combine(_tessdata, "osd.traineddata"))) { _noOrientation = true; return null; }
            try { _orientation = Instance.Start(_tessdata, "osd", Tess.OemTesseractOnly); }
            catch (TessdataMissingException) { _noOrientation = true; return null; }
        }
        return _orientation.DetectOrientation(page);
    }

    /// <summary>White added around a crop read alone, pixels: a cell's crop ends at its ruling lines, often a few pixels
    /// from the digits' top, and Tesseract's line finder takes a glyph touching the image edge for something else
    /// (a 1 with its flag at the edge read as a sure 4).</summary>
    private const int CropBorderPx = 10;

    private static GrayImage WithWhiteBorder(GrayImage image, int border)
    {
        int w = image.Width + 2 * border, h = image.Height + 2 * border;
        var pixels = new byte[w * h];
        Array.Fill(pixels, (byte)255);
        for (int y = 0; y < image.Height; y++) image.Pixels.AsSpan(y * image.Width, image.Width).CopyTo(pixels.AsSpan((y + border) * w + border, image.Width));
        return new GrayImage(w, h, pixels, image.Dpi);
    }

    public void Dispose()
    {
        _text.Dispose();
        if (!ReferenceEquals(_numbers, _text)) _numbers.Dispose();
        _orientation?.Dispose();
    }

    /// <summary>One TessBaseAPI with the settings it was last given, so unchanged settings are not sent again.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly TessApiHandle _api;
        private GrayImage? _image;
        private string _whitelist = "";
        private int _psm = -1;

        private Instance(TessApiHandle api) => _api = api;

        public static Instance Start(string folder, string language, int engineMode = Tess.OemLstmOnly)
        {
            var api = new TessApiHandle();
            if (api.IsInvalid) throw new InvalidOperationException("Tesseract could not create an engine");
            var h = api.DangerousGetHandle();
            // Tesseract wants the folder path to end with a separator in some versions.
            var path = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
            if (Tess.TessBaseAPIInit2(h, path, language, engineMode) != 0)
            {
                api.Dispose();
                throw new TessdataMissingException($"Tesseract could not load {language} from {folder}: the traineddata file is unreadable or from another Tesseract version");
            }
            // Warnings such as "Empty page!!" would otherwise go to stderr for every blank cell.
            Tess.TessBaseAPISetVariable(h, "debug_file", OperatingSystem.IsWindows() ? "NUL" : "/dev/null");
            // Printed reports have no white-on-black text; trying the inverted image doubles the time of doubtful lines.
            Tess.TessBaseAPISetVariable(h, "tessedit_do_invert", "0");
            return new Instance(api);
        }

        public void SetImage(GrayImage image)
        {
            if (ReferenceEquals(image, _image)) return;
            var h = Handle();
            Tess.TessBaseAPISetImage(h, image.Pixels, image.Width, image.Height, 1, image.Width);
            Tess.TessBaseAPISetSourceResolution(h, Math.Max(image.Dpi, 70));
            _image = image;
        }

        public OcrReading Read(Box? region, OcrMode mode)
        {
            var h = Handle();
            var image = _image!;
            SetMode(h, mode);
            int left = 0, top = 0, width = image.Width, height = image.Height;
            if (region is { } r)
            {
                left = Math.Clamp((int)Math.Floor(r.X0), 0, image.Width - 1);
                top = Math.Clamp((int)Math.Floor(r.Y0), 0, image.Height - 1);
                width = Math.Clamp((int)Math.Ceiling(r.X1) - left, 1, image.Width - left);
                height = Math.Clamp((int)Math.Ceiling(r.Y1) - top, 1, image.Height - top);
            }
            Tess.TessBaseAPISetRectangle(h, left, top, width, height);
            if (Tess.TessBaseAPIRecognize(h, IntPtr.Zero) != 0) return OcrReading.Empty;
            var lines = Collect(h);
            double mean = Tess.TessBaseAPIMeanTextConf(h) / 100.0;
            return new OcrReading(lines, Math.Clamp(mean, 0, 1));
        }

        public PageOrientation? DetectOrientation(GrayImage page)
        {
            SetImage(page);
            var h = Handle();
            if (Tess.TessBaseAPIDetectOrientationScript(h, out int degrees, out float confidence, out _, out _) == 0) return null;
            return new PageOrientation(((degrees % 360) + 360) % 360, confidence);
        }

        private void SetMode(IntPtr h, OcrMode mode)
        {
            int psm = mode switch
            {
                OcrMode.Page => Tess.PsmAuto,
                OcrMode.Block => Tess.PsmSingleBlock,
                _ => Tess.PsmSingleLine,
            };
            if (psm != _psm) { Tess.TessBaseAPISetPageSegMode(h, psm); _psm = psm; }
            var whitelist = mode == OcrMode.Number ? NumberCharacters : "";
            if (whitelist != _whitelist)
            {
                Tess.TessBaseAPISetVariable(h, "tessedit_char_whitelist", whitelist);
                _whitelist = whitelist;
            }
        }

        /// <summary>Walks the result symbol by symbol, so each word also gets its least sure character.</summary>
        private static List<IReadOnlyList<OcrWord>> Collect(IntPtr h)
        {
            var lines = new List<IReadOnlyList<OcrWord>>();
            var it = Tess.TessBaseAPIGetIterator(h);
            if (it == IntPtr.Zero) return lines;
            try
            {
                var page = Tess.TessResultIteratorGetPageIterator(it);
                List<OcrWord>? line = null;
                string? text = null;
                Box box = default;
                double conf = 0, minSymbol = 1;
                void Flush()
                {
                    if (text is null) return;
                    line!.Add(new OcrWord(text, box, conf, minSymbol));
                    text = null;
                }
                do
                {
                    if (Tess.TessPageIteratorIsAtBeginningOf(page, Tess.RilWord) != 0)
                    {
                        Flush();
                        if (line is null || Tess.TessPageIteratorIsAtBeginningOf(page, Tess.RilTextline) != 0)
                        {
                            line = [];
                            lines.Add(line);
                        }
                        text = Tess.TakeText(Tess.TessResultIteratorGetUTF8Text(it, Tess.RilWord)).Trim();
                        conf = Math.Clamp(Tess.TessResultIteratorConfidence(it, Tess.RilWord) / 100.0, 0, 1);
                        box = Tess.TessPageIteratorBoundingBox(page, Tess.RilWord, out var l, out var t, out var r, out var b) != 0
                            ? new Box(l, t, r, b) : default;
                        minSymbol = 1;
                    }
                    minSymbol = Math.Min(minSymbol, Math.Clamp(Tess.TessResultIteratorConfidence(it, Tess.RilSymbol) / 100.0, 0, 1));
                }
                while (Tess.TessResultIteratorNext(it, Tess.RilSymbol) != 0);
                Flush();
            }
            finally { Tess.TessResultIteratorDelete(it); }
            lines.RemoveAll(l => l.Count == 0);
            return lines;
        }

        private IntPtr Handle()
        {
            ObjectDisposedException.ThrowIf(_api.IsClosed, this);
            return _api.DangerousGetHandle();
        }

        public void Dispose() => _api.Dispose();
    }
}
