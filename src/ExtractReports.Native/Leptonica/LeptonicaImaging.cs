using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native.Leptonica;

/// <summary>The page image work of <see cref="IPageImaging"/> done by leptonica.</summary>
public sealed class LeptonicaImaging : IPageImaging
{
    /// <summary>Sauvola's k: how far below the local mean a pixel must be to count as ink (0.34 is the usual value).</summary>
    private const float SauvolaFactor = 0.34f;

    /// <summary>Leptonica's message levels: at L_SEVERITY_NONE it prints nothing to stderr.</summary>
    private const int SeverityNone = 6;

    public LeptonicaImaging() => NativeLibraries.EnsureInitialized();

    /// <summary>
    /// Leptonica reports recoverable conditions (`Error in pixScanForForeground: invalid box` on an empty
    /// crop) on stderr, where they would drown a user's progress output; our code checks every result.
    /// </summary>
    private static readonly Lazy<bool> Quiet = new(() =>
    {
        try { Lept.setMsgSeverity(SeverityNone); return true; }
        catch (DllNotFoundException) { return false; }
    });

    public IReadOnlyList<GrayImage> Decode(byte[] encoded)
    {
        _ = Quiet.Value;
        if (encoded.Length >= 4 && (encoded[0] == (byte)'I' && encoded[1] == (byte)'I' || encoded[0] == (byte)'M' && encoded[1] == (byte)'M'))
            return DecodeTiff(encoded);
        using var pix = Pix.Own(Lept.pixReadMem(encoded, (nuint)encoded.Length), "decode the image (not a PNG, JPEG, TIFF, BMP or PNM?)");
        return [ToGray(pix)];
    }

    private static IReadOnlyList<GrayImage> DecodeTiff(byte[] encoded)
    {
        var pixa = Lept.pixaReadMemMultipageTiff(encoded, (nuint)encoded.Length);
        if (pixa == IntPtr.Zero) throw new ImagingException("decode the TIFF image");
        try
        {
            int n = Lept.pixaGetCount(pixa);
            if (n == 0) throw new ImagingException("no page of the TIFF could be decoded (leptonica reads 1, 8 and 16 bit gray and RGB, not 16 bit with alpha)");
            var pages = new List<GrayImage>(n);
            for (int i = 0; i < n; i++)
            {
                using var pix = Pix.Own(Lept.pixaGetPix(pixa, i, 2), "read a TIFF page");
                pages.Add(ToGray(pix));
            }
            return pages;
        }
        finally { Lept.pixaDestroy(ref pixa); }
    }

    private static GrayImage ToGray(Pix pix)
    {
        int dpi = Lept.pixGetXRes(pix.DangerousGetHandle());
        // 72 and 96 are what many writers put when they know nothing; such files are rarely real scans.
        if (dpi is < 100 or > 1200) dpi = 0;
        // Also for 8 bpp input: a palette image needs its colormap removed, which cmapflag 0 does.
        using var gray = Pix.Own(Lept.pixConvertTo8(pix.DangerousGetHandle(), 0), "convert the image to gray");
        return gray.ToGray(dpi);
    }

    public Deskewed Deskew(GrayImage image, double maxAngleDegrees, double minConfidence)
    {
        using var pix = Pix.FromGray(image);
        using var bin = Pix.Own(Lept.pixConvertTo1(pix.DangerousGetHandle(), 130), "threshold the page");
        // Leptonica's own pixDeskew leaves a page alone below confidence 3, which many real scans with
        // tables and short lines never reach; the caller's threshold decides instead. Reductions 4 and 2
        // and the 0.01 degree search are pixFindSkew's defaults.
        if (Lept.pixFindSkewSweepAndSearch(bin.DangerousGetHandle(), out var angle, out var conf, 4, 2, (float)maxAngleDegrees, 1f, 0.01f) != 0
            || conf < minConfidence || Math.Abs(angle) < 0.05)
            return new Deskewed(image, 0, conf);
        return new Deskewed(Turned(pix, angle, RotateShear, image.Dpi), angle, conf);
    }

    public GrayImage Rotate(GrayImage image, double angleDegrees)
    {
        using var pix = Pix.FromGray(image);
        return Turned(pix, angleDegrees, RotateAreaMap, image.Dpi);
    }

    /// <summary>The page turned about its centre by leptonica's rotation <paramref name="type"/>, white brought in, its size kept.</summary>
    private static GrayImage Turned(Pix pix, double angleDegrees, int type, int dpi)
    {
        using var rotated = Pix.Own(Lept.pixRotate(pix.DangerousGetHandle(), (float)(angleDegrees * Math.PI / 180), type, 1, 0, 0), "rotate the page");
        return rotated.ToGray(dpi);
    }

    /// <summary>leptonica's L_ROTATE_AREA_MAP and L_ROTATE_SHEAR.</summary>
    private const int RotateAreaMap = 1, RotateShear = 2;

    public BinaryImage Binarize(GrayImage image) => Binarize(image, SauvolaFactor);

    public BinaryImage Binarize(GrayImage image, double sauvolaFactor)
    {
        using var pix = Pix.FromGray(image);
        // Sauvola's window: about a tenth of an inch, the size of a character stroke's neighbourhood.
        int half = Math.Clamp(image.Dpi / 20, 4, Math.Max(2, (Math.Min(image.Width, image.Height) - 3) / 2));
        int tilesX = Math.Max(1, image.Width / 1000), tilesY = Math.Max(1, image.Height / 1000);
        if (Lept.pixSauvolaBinarizeTiled(pix.DangerousGetHandle(), half, (float)sauvolaFactor, tilesX, tilesY, IntPtr.Zero, out var bin) != 0)
            throw new ImagingException("leptonica could not binarize the page");
        using var result = Pix.Own(bin, "binarize the page");
        return result.ToBinary();
    }

    public BinaryImage Open(BinaryImage image, int brickWidth, int brickHeight)
    {
        using var pix = Pix.FromBinary(image);
        using var opened = Pix.Own(Lept.pixOpenBrick(IntPtr.Zero, pix.DangerousGetHandle(), brickWidth, brickHeight), "open the image");
        return opened.ToBinary();
    }

    public GrayImage Scale(GrayImage image, double factor)
    {
        using var pix = Pix.FromGray(image);
        using var scaled = Pix.Own(Lept.pixScale(pix.DangerousGetHandle(), (float)factor, (float)factor), "scale the page");
        return scaled.ToGray((int)Math.Round(image.Dpi * factor));
    }
}
