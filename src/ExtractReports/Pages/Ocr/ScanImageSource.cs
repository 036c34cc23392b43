using System.Diagnostics;
using System.Globalization;
using ExtractReports.Documents;
using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// The page images of a scanned document. An image file gives its frames (a TIFF may hold many). A PDF
/// whose every page is one full-page image gives those images as stored (PdfPig in process,
/// <see cref="Pdf.PdfPageImages"/>; `pdfimages -all` for JBIG2 and JPX: no second JPEG generation);
/// any other PDF is rendered (`pdftoppm -r`). Pages are produced one at a time, so a
/// long document never holds all its pages in memory.
/// </summary>
public sealed class ScanImageSource(OcrOptions options, IPageImaging imaging)
{
    public IEnumerable<GrayImage> Pages(SourceDocument document, CancellationToken cancellation)
    {
        if (document.Kind == DocumentKind.Image)
        {
            IReadOnlyList<GrayImage> frames;
            try { frames = imaging.Decode(document.Bytes); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new DocumentReadException($"the image cannot be decoded ({e.Message}); it may be damaged or in an unsupported format", e);
            }
            foreach (var f in frames) yield return f;
            yield break;
        }
        foreach (var p in PdfPages(document, cancellation)) yield return p;
    }

    private IEnumerable<GrayImage> PdfPages(SourceDocument document, CancellationToken cancellation)
    {
        // The images as stored, in process (PdfPig); poppler's tools for JBIG2, JPX, and from the first
        // page whose image PdfPig cannot decode (a filter or colour space it does not hand out) on.
        int fromPdfPig = 0;
        using (var stored = Pdf.PdfPageImages.Open(document.Bytes))
        {
            if (stored is not null)
            {
                bool refused = false;
                for (int i = 0; i < stored.Count && !refused; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    byte[]? encoded = null;
                    int dpi = 0;
                    try { (encoded, dpi) = stored.Page(i); }
                    catch (Pdf.PdfReadException) { }
                    if (encoded is null) { refused = true; break; }
                    var page = imaging.Decode(encoded)[0];
                    fromPdfPig++;
                    yield return dpi > 0 ? page.WithDpi(dpi) : page;
                }
                if (!refused) yield break;
            }
        }
        var dir = Directory.CreateTempSubdirectory("extractreports-ocr-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(pdf, document.Bytes);
            var info = Run("pdfinfo", [pdf], cancellation);
            int pageCount = ParsePageCount(info);
            double pageWidthPt = ParsePageWidth(info);
            var images = PageImages(Run("pdfimages", ["-list", pdf], cancellation), pageCount, pageWidthPt);
            if (images is not null)
            {
                Run("pdfimages", ["-all", pdf, Path.Combine(dir.FullName, "img")], cancellation);
                var files = Directory.GetFiles(dir.FullName, "img-*");
                int pageNumber = 0;
                foreach (var (num, dpi, render) in images)
                {
                    cancellation.ThrowIfCancellationRequested();
                    pageNumber++;
                    if (pageNumber <= fromPdfPig) continue;
                    if (render)
                    {
                        yield return RenderPage(pdf, dir.FullName, pageNumber, dpi, cancellation);
                        continue;
                    }
                    var prefix = $"img-{num:000}.";
                    var file = files.FirstOrDefault(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
                        ?? throw new DocumentReadException($"pdfimages did not write image {num}");
                    var page = imaging.Decode(File.ReadAllBytes(file))[0];
                    File.Delete(file);
                    yield return dpi > 0 ? page.WithDpi(dpi) : page;
                }
                yield break;
            }
            for (int p = fromPdfPig + 1; p <= pageCount; p++)
            {
                cancellation.ThrowIfCancellationRequested();
                yield return RenderPage(pdf, dir.FullName, p, options.RenderDpi, cancellation);
            }
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private GrayImage RenderPage(string pdf, string dir, int page, int dpi, CancellationToken cancellation)
    {
        var prefix = Path.Combine(dir, $"page{page}");
        string number = page.ToString(CultureInfo.InvariantCulture);
        Run("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", number, "-l", number, "-singlefile", pdf, prefix], cancellation);
        var file = prefix + ".png";
        var image = imaging.Decode(File.ReadAllBytes(file))[0].WithDpi(dpi);
        File.Delete(file);
        return image;
    }

    /// <summary>
    /// From `pdfimages -list`: the image number and resolution of each page's single full-page image, or
    /// null when some page has none, several, or only a small one (a logo on a text page is no scan).
    /// <see cref="PageImage.Render"/> marks an image `pdfimages -all` does not write in a form we decode, or not with
    /// its polarity: a stencil mask (how many writers store a black-and-white scan; its bits are written as stored,
    /// ink as white), CCITT G4 or JBIG2 (written as raw streams). Such a page is rendered at the image's own
    /// resolution, which gives its pixels as scanned, instead of at <see cref="OcrOptions.RenderDpi"/>.
    /// </summary>
    internal static List<PageImage>? PageImages(string listing, int pageCount, double pageWidthPt)
    {
        var perPage = new Dictionary<int, List<(int Num, int Width, int Dpi, bool Render)>>();
        foreach (var raw in listing.Split('\n').Skip(2))
        {
            var f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 14 || f[2] is not ("image" or "stencil")) continue;
            if (!int.TryParse(f[0], out int page) || !int.TryParse(f[1], out int num) || !int.TryParse(f[3], out int width)) continue;
            int.TryParse(f[12], out int xppi);
            bool render = f[2] == "stencil" || f[8] is not ("jpeg" or "image");
            (perPage.TryGetValue(page, out var l) ? l : perPage[page] = []).Add((num, width, xppi, render));
        }
        var result = new List<PageImage>();
        for (int p = 1; p <= pageCount; p++)
        {
            if (!perPage.TryGetValue(p, out var l) || l.Count != 1) return null;
            var (num, width, dpi, render) = l[0];
            if (dpi <= 0 || pageWidthPt > 0 && width / (double)dpi * 72 < 0.8 * pageWidthPt) return null;
            result.Add(new PageImage(num, dpi, render));
        }
        return result;
    }

    /// <summary>A page's one full-page image: its number in `pdfimages -list`, its resolution, and whether the page is
    /// rendered at that resolution rather than the image taken as stored.</summary>
    internal readonly record struct PageImage(int Num, int Dpi, bool Render);

    private static int ParsePageCount(string info)
    {
        foreach (var line in info.Split('\n'))
            if (line.StartsWith("Pages:", StringComparison.Ordinal) && int.TryParse(line[6..].Trim(), out int n)) return n;
        throw new DocumentReadException("the PDF's page count cannot be read (pdfinfo)");
    }

    private static double ParsePageWidth(string info)
    {
        foreach (var line in info.Split('\n'))
        {
            if (!line.StartsWith("Page size:", StringComparison.Ordinal)) continue;
            var parts = line[10..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)) return w;
        }
        return 0;
    }

    private string Run(string tool, IReadOnlyList<string> args, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start) ?? throw new DocumentReadException($"{tool} could not be started"); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new DocumentReadException($"{tool} is not installed (poppler-utils); it is needed to read scanned PDFs", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            if (!process.WaitForExit(TimeSpan.FromSeconds(options.ToolTimeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new DocumentReadException($"{tool} took longer than {options.ToolTimeoutSeconds} s on this PDF and was stopped");
            }
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
                throw new DocumentReadException($"{tool} could not read the PDF: {stderr.Result.Trim()}");
            return stdout.Result;
        }
    }
}
