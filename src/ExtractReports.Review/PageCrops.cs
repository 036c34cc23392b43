using System.Diagnostics;
using System.Globalization;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Native.Leptonica;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;
using ExtractReports.Pipeline;

namespace ExtractReports.Review;

/// <summary>
/// Where a field's crop is served and where its cell sits in it, as fractions of the crop (the page draws
/// the box over the image), or why there is no crop.
/// </summary>
public sealed record CropView(string? Url, double Left, double Top, double Width, double Height, string? Note);

/// <summary>
/// Crops of the page around a field's cell, rendered on demand and cached: a text PDF's page region by
/// poppler (`pdftoppm -x -y -W -H`, the box is in points); a scanned page or an image as the OCR reader saw
/// it (the same page source, turning back, enlargement and deskewing, so the box, in that image's pixels, lands
/// on the cell), encoded as PNG by leptonica. The crop spans the page's width, so the row's labels show.
/// </summary>
public sealed class PageCrops(ReviewServerOptions options)
{
    private readonly OcrOptions _ocr = new();
    private readonly LeptonicaImaging _imaging = new();
    private readonly Lock _lock = new();
    private readonly LinkedList<((string Sha, int Page) Key, GrayImage Image)> _pages = new();
    private readonly Dictionary<(string Sha256, string Field), (byte[] Png, CropView View)> _crops = [];
    private readonly Queue<(string, string)> _cropOrder = new();

    /// <summary>Crops kept in memory (a few hundred kilobytes each).</summary>
    private const int CachedCrops = 256;

    public static bool Shows(DocumentResult result) => result.Kind is DocumentKind.PdfText or DocumentKind.PdfScan or DocumentKind.Image;

    /// <summary>The crop of a field's cell (rendering it when not cached), or a view that says why there is none.</summary>
    public (byte[]? Png, CropView View) Crop(DocumentResult result, string fieldId)
    {
        lock (_lock)
            if (_crops.TryGetValue((result.Sha256, fieldId), out var cached)) return cached;
        var field = result.Fields.First(f => f.Field.FieldId == fieldId).Field;
        if (field.Box is not { } box || field.Page < 1) return (null, Note("the field has no position on the page (its row was not found, or its value was inferred)"));
        if (!File.Exists(result.Path)) return (null, Note($"the document is no longer at {result.Path}"));
        (byte[] Png, CropView View) crop;
        try
        {
            var doc = SourceDocument.FromFile(result.Path);
            if (doc.Sha256 != result.Sha256) return (null, Note($"{result.Path} has changed since it was extracted: run extract again"));
            crop = result.Kind == DocumentKind.PdfText ? FromPdf(result, field.Page, box) : FromScan(result, doc, field.Page, box);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ImagingException or DocumentReadException or TimeoutException)
        {
            return (null, Note($"the page could not be rendered: {e.Message}"));
        }
        var url = $"/api/crop?document={Uri.EscapeDataString(result.Name)}&field={Uri.EscapeDataString(fieldId)}";
        crop = (crop.Png, crop.View with { Url = url });
        lock (_lock)
        {
            if (_crops.TryAdd((result.Sha256, fieldId), crop)) _cropOrder.Enqueue((result.Sha256, fieldId));
            while (_cropOrder.Count > CachedCrops) _crops.Remove(_cropOrder.Dequeue());
        }
        return crop;
    }

    private static CropView Note(string note) => new(null, 0, 0, 0, 0, note);

    private (byte[], CropView) FromPdf(DocumentResult result, int page, Box box)
    {
        double scale = options.RenderDpi / 72.0;
        int margin = (int)(options.CropMarginInches * options.RenderDpi);
        int y = Math.Max(0, (int)(box.Y0 * scale) - margin);
        int height = (int)(box.Y1 * scale) + margin - y;
        var dir = Directory.CreateTempSubdirectory("extractreports-review-");
        try
        {
            var prefix = Path.Combine(dir.FullName, "crop");
            Run("pdftoppm", ["-r", Invariant(options.RenderDpi), "-f", Invariant(page), "-l", Invariant(page), "-x", "0", "-y", Invariant(y),
                "-W", "100000", "-H", Invariant(height), "-gray", "-png", "-singlefile", result.Path, prefix]);
            var png = File.ReadAllBytes(prefix + ".png");
            var (w, h) = PngSize(png);
            return (png, new CropView(null, box.X0 * scale / w, (box.Y0 * scale - y) / h, box.Width * scale / w, box.Height * scale / h, null));
        }
        finally { dir.Delete(recursive: true); }
    }

    private (byte[], CropView) FromScan(DocumentResult result, SourceDocument doc, int page, Box box)
    {
        var image = UprightPage(result, doc, page);
        int margin = (int)(options.CropMarginInches * Math.Max(72, image.Dpi));
        int y0 = Math.Clamp((int)box.Y0 - margin, 0, image.Height - 1);
        int y1 = Math.Clamp((int)Math.Ceiling(box.Y1) + margin, y0 + 1, image.Height);
        var pixels = new byte[image.Width * (y1 - y0)];
        Array.Copy(image.Pixels, y0 * image.Width, pixels, 0, pixels.Length);
        var crop = new GrayImage(image.Width, y1 - y0, pixels, image.Dpi);
        double w = crop.Width, h = crop.Height;
        return (LeptonicaPng.Encode(crop), new CropView(null, box.X0 / w, (box.Y0 - y0) / h, box.Width / w, box.Height / h, null));
    }

    /// <summary>The page as the OCR reader read it (its boxes are in these pixels), kept for the next fields of the page.</summary>
    private GrayImage UprightPage(DocumentResult result, SourceDocument document, int page)
    {
        var key = (result.Sha256, page);
        lock (_lock)
        {
            var node = _pages.First;
            while (node is not null && node.Value.Key != key) node = node.Next;
            if (node is not null)
            {
                _pages.Remove(node);
                _pages.AddFirst(node);
                return node.Value.Image;
            }
        }
        var doc = document with { Kind = result.Kind };
        var source = new ScanImageSource(_ocr, _imaging);
        var raw = source.Pages(doc, CancellationToken.None).Skip(page - 1).FirstOrDefault()
            ?? throw new InvalidOperationException($"the document has no page {page}");
        var reader = new ScanPageReader(_ocr, _imaging, new RulingGridFinder(_ocr));
        int turned = result.PageTurns is { } turns && page <= turns.Count ? turns[page - 1] : 0;
        var upright = reader.Upright(reader.TurnedBack(raw, turned)).Page.Image;
        lock (_lock)
        {
            _pages.AddFirst((key, upright));
            while (_pages.Count > Math.Max(1, options.CachedPages)) _pages.RemoveLast();
        }
        return upright;
    }

    private static void Run(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} could not be started");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} took more than 30 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {errors.Result.Trim()}");
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian).</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19], png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23]);

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
