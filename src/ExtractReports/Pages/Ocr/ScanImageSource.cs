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
        // The images as stored, in process (PdfPig); poppler's tools for JBIG2, JPX and the rest.
        using (var stored = Pdf.PdfPageImages.Open(document.Bytes))
        {
            if (stored is not null)
            {
                for (int i = 0; i < stored.Count; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    (byte[] Encoded, int Dpi) image;
                    try { image = stored.Page(i); }
                    catch (Pdf.PdfReadException e) { throw new DocumentReadException(e.Message, e); }
                    var page = imaging.Decode(image.Encoded)[0];
                    yield return image.Dpi > 0 ? page.WithDpi(image.Dpi) : page;
                }
                yield break;
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
                foreach (var (num, dpi) in images)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var prefix = $"img-{num:000}.";
                    var file = files.FirstOrDefault(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
                        ?? throw new DocumentReadException($"pdfimages did not write image {num}");
                    var page = imaging.Decode(File.ReadAllBytes(file))[0];
                    File.Delete(file);
                    yield return dpi > 0 ? page.WithDpi(dpi) : page;
                }
                yield break;
            }
            for (int p = 1; p <= pageCount; p++)
            {
                cancellation.ThrowIfCancellationRequested();
                var prefix = Path.Combine(dir.FullName, $"page{p}");
                Run("pdftoppm", ["-r", options.RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png",
                    "-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture), "-singlefile", pdf, prefix], cancellation);
                var file = prefix + ".png";
                var page = imaging.Decode(File.ReadAllBytes(file))[0].WithDpi(options.RenderDpi);
                File.Delete(file);
                yield return page;
            }
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// From `pdfimages -list`: the image number and resolution of each page's single full-page image, or
    /// null when some page has none, several, or only a small one (a logo on a text page is no scan).
    /// </summary>
    internal static List<(int Num, int Dpi)>? PageImages(string listing, int pageCount, double pageWidthPt)
    {
        var perPage = new Dictionary<int, List<(int Num, int Width, int Dpi)>>();
        foreach (var raw in listing.Split('\n').Skip(2))
        {
            var f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 14 || f[2] != "image") continue;
            if (!int.TryParse(f[0], out int page) || !int.TryParse(f[1], out int num) || !int.TryParse(f[3], out int width)) continue;
            int.TryParse(f[12], out int xppi);
            (perPage.TryGetValue(page, out var l) ? l : perPage[page] = []).Add((num, width, xppi));
        }
        var result = new List<(int, int)>();
        for (int p = 1; p <= pageCount; p++)
        {
            if (!perPage.TryGetValue(p, out var l) || l.Count != 1) return null;
            var (num, width, dpi) = l[0];
            if (dpi <= 0 || pageWidthPt > 0 && width / (double)dpi * 72 < 0.8 * pageWidthPt) return null;
            result.Add((num, dpi));
        }
        return result;
    }

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
