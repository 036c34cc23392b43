using System.Runtime.InteropServices;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native.Leptonica;

/// <summary>An owned leptonica PIX: freed with pixDestroy when disposed or finalized.</summary>
internal sealed class Pix : SafeHandle
{
    private Pix() : base(IntPtr.Zero, true) { }
    private Pix(IntPtr handle) : base(IntPtr.Zero, true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        var h = handle;
        Lept.pixDestroy(ref h);
        return true;
    }

    /// <summary>Takes ownership of a PIX a leptonica call returned; null (failure) becomes an exception.</summary>
    public static Pix Own(IntPtr handle, string what) =>
        handle == IntPtr.Zero ? throw new ImagingException($"leptonica could not {what}") : new Pix(handle);

    public int Width => Lept.pixGetWidth(handle);
    public int Height => Lept.pixGetHeight(handle);
    public int Depth => Lept.pixGetDepth(handle);

    /// <summary>An 8 bpp PIX holding the gray image. Leptonica packs pixels in 32-bit words, most
    /// significant byte first, so on little-endian machines byte x of a row sits at address x ^ 3.</summary>
    public static Pix FromGray(GrayImage image)
    {
        var pix = Own(Lept.pixCreate(image.Width, image.Height, 8), "allocate an image");
        int wpl = Lept.pixGetWpl(pix.handle);
        var row = new byte[wpl * 4];
        var data = Lept.pixGetData(pix.handle);
        int swap = BitConverter.IsLittleEndian ? 3 : 0;
        for (int y = 0; y < image.Height; y++)
        {
            var src = image.Pixels.AsSpan(y * image.Width, image.Width);
            for (int x = 0; x < src.Length; x++) row[x ^ swap] = src[x];
            Marshal.Copy(row, 0, data + y * wpl * 4, row.Length);
        }
        return pix;
    }

    public GrayImage ToGray(int dpi)
    {
        if (Depth != 8) throw new ImagingException($"expected an 8 bpp image, got {Depth} bpp");
        int w = Width, h = Height, wpl = Lept.pixGetWpl(handle);
        var pixels = new byte[w * h];
        var row = new byte[wpl * 4];
        var data = Lept.pixGetData(handle);
        int swap = BitConverter.IsLittleEndian ? 3 : 0;
        for (int y = 0; y < h; y++)
        {
            Marshal.Copy(data + y * wpl * 4, row, 0, row.Length);
            var dst = pixels.AsSpan(y * w, w);
            for (int x = 0; x < w; x++) dst[x] = row[x ^ swap];
        }
        return new GrayImage(w, h, pixels, dpi);
    }

    /// <summary>A 1 bpp PIX (1 = ink), bit 31 of each 32-bit word first.</summary>
    public static Pix FromBinary(BinaryImage image)
    {
        var pix = Own(Lept.pixCreate(image.Width, image.Height, 1), "allocate an image");
        int wpl = Lept.pixGetWpl(pix.handle);
        var row = new int[wpl];
        var data = Lept.pixGetData(pix.handle);
        for (int y = 0; y < image.Height; y++)
        {
            Array.Clear(row);
            var src = image.Ink.AsSpan(y * image.Width, image.Width);
            for (int x = 0; x < src.Length; x++)
                if (src[x] != 0) row[x >> 5] |= (int)(0x80000000u >> (x & 31));
            Marshal.Copy(row, 0, data + y * wpl * 4, wpl);
        }
        return pix;
    }

    public BinaryImage ToBinary()
    {
        if (Depth != 1) throw new ImagingException($"expected a 1 bpp image, got {Depth} bpp");
        int w = Width, h = Height, wpl = Lept.pixGetWpl(handle);
        var ink = new byte[w * h];
        var row = new int[wpl];
        var data = Lept.pixGetData(handle);
        for (int y = 0; y < h; y++)
        {
            Marshal.Copy(data + y * wpl * 4, row, 0, wpl);
            var dst = ink.AsSpan(y * w, w);
            for (int x = 0; x < w; x++) dst[x] = (byte)(((uint)row[x >> 5] >> (31 - (x & 31))) & 1);
        }
        return new BinaryImage(w, h, ink);
    }
}

/// <summary>An image leptonica could not decode or process.</summary>
public sealed class ImagingException(string message) : Exception(message);
