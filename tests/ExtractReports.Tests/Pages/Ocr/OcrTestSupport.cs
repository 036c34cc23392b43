using System.Diagnostics;
using ExtractReports.Native;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>A fact that needs Tesseract, leptonica and chi_sim/eng language data; skipped with the reason when missing.</summary>
public sealed class NativeOcrFactAttribute : FactAttribute
{
    public NativeOcrFactAttribute()
    {
        if (!NativeLibraries.TryLoadOcr(out var reason)) { Skip = reason; return; }
        try { TessdataLocator.Locate(null, "chi_sim+eng"); }
        catch (TessdataMissingException e) { Skip = e.Message; }
    }
}

/// <summary>A native OCR fact that also draws its page with ImageMagick and a CJK font.</summary>
public sealed class RenderedOcrFactAttribute : FactAttribute
{
    public RenderedOcrFactAttribute()
    {
        if (!NativeLibraries.TryLoadOcr(out var reason)) Skip = reason;
        else if (TestPages.Font is null) Skip = "no CJK font (fonts-wqy-zenhei or fonts-noto-cjk) to draw test pages";
        else if (!TestPages.HasConvert) Skip = "ImageMagick convert is not installed";
    }
}

/// <summary>The theory form of <see cref="RenderedOcrFactAttribute"/>.</summary>
public sealed class RenderedOcrTheoryAttribute : TheoryAttribute
{
    public RenderedOcrTheoryAttribute() => Skip = new RenderedOcrFactAttribute().Skip;
}

/// <summary>Draws small test pages with ImageMagick: ruled tables with text, rotated when asked.</summary>
public static class TestPages
{
    public static string? Font { get; } = new[]
    {
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    }.FirstOrDefault(File.Exists);

    public static bool HasConvert { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Any(d => File.Exists(Path.Combine(d, "convert"))) == true;

    /// <summary>
    /// A ruled table (borderless when <paramref name="ruled"/> is false) on an A4-wide page (2480 px) at 300 dpi: <paramref name="rows"/> of cell texts, each column <paramref name="columnWidth"/>
    /// px wide (the first one <paramref name="labelWidth"/>), rows 90 px high, starting at (100, 200);
    /// a title line above it. Returns the PNG bytes.
    /// </summary>
    public static byte[] Table(string title, string[][] rows, int labelWidth = 520, int columnWidth = 180,
        double rotateDegrees = 0, string extraArgs = "", bool ruled = true)
    {
        int cols = rows.Max(r => r.Length), x0 = 100, y0 = 200, rowH = 90;
        int width = Math.Max(2480, x0 * 2 + labelWidth + (cols - 1) * columnWidth), height = y0 + rows.Length * rowH + 150;
        var args = new List<string> { "-size", $"{width}x{height}", "xc:white", "-fill", "none", "-stroke", "black", "-strokewidth", "3" };
        int right = x0 + labelWidth + (cols - 1) * columnWidth, bottom = y0 + rows.Length * rowH;
        if (ruled)
        {
            for (int r = 0; r <= rows.Length; r++) args.AddRange(["-draw", $"line {x0},{y0 + r * rowH} {right},{y0 + r * rowH}"]);
            args.AddRange(["-draw", $"line {x0},{y0} {x0},{bottom}"]);
            for (int c = 0; c < cols; c++)
            {
                int x = x0 + labelWidth + c * columnWidth;
                args.AddRange(["-draw", $"line {x},{y0} {x},{bottom}"]);
            }
        }
        args.AddRange(["-stroke", "none", "-fill", "black", "-font", Font!, "-pointsize", "40"]);
        args.AddRange(["-draw", $"text {x0},{y0 - 60} '{title}'"]);
        args.AddRange(["-pointsize", "34"]);
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < rows[r].Length; c++)
            {
                int x = c == 0 ? x0 + 15 : x0 + labelWidth + (c - 1) * columnWidth + 50;
                args.AddRange(["-draw", $"text {x},{y0 + r * rowH + 60} '{rows[r][c]}'"]);
            }
        if (rotateDegrees != 0) args.AddRange(["-background", "white", "-rotate", rotateDegrees.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.AddRange(extraArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // 8-bit gray without alpha, as scanners write (ImageMagick would write 16-bit gray with alpha here).
        args.AddRange(["-alpha", "off", "-colorspace", "Gray", "-depth", "8", "-density", "300", "-units", "PixelsPerInch"]);
        return Convert(args, "png");
    }

    /// <summary>Runs convert with the arguments and an output of the given format; returns the file's bytes.</summary>
    public static byte[] Convert(IEnumerable<string> args, string format)
    {
        var dir = Directory.CreateTempSubdirectory("ocr-test-");
        try
        {
            var output = Path.Combine(dir.FullName, "out." + format);
            var start = new ProcessStartInfo("convert") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(output);
            using var p = Process.Start(start)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("convert failed: " + err);
            return File.ReadAllBytes(output);
        }
        finally { dir.Delete(true); }
    }
}

/// <summary>An OCR engine that answers from a script: the test says what each mode reads in a region.</summary>
public sealed class FakeOcrEngine(Func<Box?, OcrMode, OcrReading> answer) : IOcrEngine
{
    public List<(Box? Region, OcrMode Mode)> Calls { get; } = [];
    public void SetImage(GrayImage image, GrayImage? numbers = null) { }

    public OcrReading Read(Box? region, OcrMode mode)
    {
        Calls.Add((region, mode));
        return answer(region, mode);
    }

    /// <summary>What an enlarged read gives, by factor; unset, enlarged reads answer like plain ones.</summary>
    public Func<double, OcrReading>? EnlargedAnswer { get; init; }

    /// <summary>The factors of the enlarged reads, in order.</summary>
    public List<double> Enlarged { get; } = [];

    public OcrReading ReadEnlarged(Box region, OcrMode mode, double factor)
    {
        Enlarged.Add(factor);
        if (EnlargedAnswer is null) return Read(region, mode);
        Calls.Add((region, mode));
        return EnlargedAnswer(factor);
    }

    public void Dispose() { }

    public static OcrReading Words(params (string Text, double Confidence)[] words) =>
        new([words.Select((w, i) => new OcrWord(w.Text, new Box(i * 50, 0, i * 50 + 40, 30), w.Confidence, w.Confidence)).ToList()], words.Length == 0 ? 0 : words.Average(w => w.Confidence));
}
