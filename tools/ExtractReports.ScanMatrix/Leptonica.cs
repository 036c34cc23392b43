using System.Runtime.InteropServices;

namespace ExtractReports.ScanMatrix;

/// <summary>
/// The few leptonica calls the matrix needs to write what a scanner writes: JPEG round trips and PDFs
/// of JPEG (grey) or CCITT G4 (bilevel) page images, which `pdfimages` gives back as stored.
/// </summary>
internal static partial class Leptonica
{
    private const string L = "liblept.so.5";
    private const int JpegEncode = 1, G4Encode = 2, Insert = 0;

    [LibraryImport(L)] private static partial IntPtr pixReadMem(byte[] data, nuint size);
    [LibraryImport(L)] private static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(L)] private static partial int pixWriteMemJpeg(out IntPtr data, out nuint size, IntPtr pix, int quality, int progressive);
    [LibraryImport(L)] private static partial int pixWriteMemPnm(out IntPtr data, out nuint size, IntPtr pix);
    [LibraryImport(L)] private static partial int pixSetResolution(IntPtr pix, int xres, int yres);
    [LibraryImport(L)] private static partial IntPtr pixaCreate(int n);
    [LibraryImport(L)] private static partial int pixaAddPix(IntPtr pixa, IntPtr pix, int copyflag);
    [LibraryImport(L)] private static partial void pixaDestroy(ref IntPtr pixa);
    [LibraryImport(L, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int pixaConvertToPdfData(IntPtr pixa, int res, float scale, int type, int quality, string title, out IntPtr data, out nuint size);
    [LibraryImport(L)] private static partial void lept_free(IntPtr ptr);

    /// <summary>The page after one JPEG generation at the quality (what a scan of the scan is made from).</summary>
    public static GrayPage JpegRoundTrip(GrayPage page, int quality)
    {
        var pix = Read(page.ToPgm());
        try
        {
            Check(pixWriteMemJpeg(out var data, out var size, pix, quality, 0), "pixWriteMemJpeg");
            var jpeg = Take(data, size);
            var back = Read(jpeg);
            try
            {
                Check(pixWriteMemPnm(out var pnm, out var pnmSize, back), "pixWriteMemPnm");
                return GrayPage.FromPnm(Take(pnm, pnmSize), page.Dpi);
            }
            finally { pixDestroy(ref back); }
        }
        finally { pixDestroy(ref pix); }
    }

    /// <summary>A PDF of the pages, each one full-page image at its resolution: G4 when bilevel, else JPEG at the quality.</summary>
    public static byte[] Pdf(IReadOnlyList<GrayPage> pages, bool bilevel, int quality, string title)
    {
        var pixa = pixaCreate(pages.Count);
        try
        {
            foreach (var page in pages)
            {
                var pix = Read(bilevel ? page.ToPbm(128) : page.ToPgm());
                pixSetResolution(pix, page.Dpi, page.Dpi);
                Check(pixaAddPix(pixa, pix, Insert), "pixaAddPix");
            }
            Check(pixaConvertToPdfData(pixa, 0, 1f, bilevel ? G4Encode : JpegEncode, quality, title, out var data, out var size), "pixaConvertToPdfData");
            return Take(data, size);
        }
        finally { pixaDestroy(ref pixa); }
    }

    private static IntPtr Read(byte[] bytes)
    {
        var pix = pixReadMem(bytes, (nuint)bytes.Length);
        return pix != IntPtr.Zero ? pix : throw new InvalidOperationException("leptonica could not read an image it was given");
    }

    private static byte[] Take(IntPtr data, nuint size)
    {
        var bytes = new byte[(int)size];
        Marshal.Copy(data, bytes, 0, bytes.Length);
        lept_free(data);
        return bytes;
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0) throw new InvalidOperationException($"leptonica {what} failed");
    }
}
