using System.Runtime.InteropServices;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Native.Leptonica;

/// <summary>Encodes a gray image as PNG with leptonica (the review page shows crops of scanned pages).</summary>
public static class LeptonicaPng
{
    public static byte[] Encode(GrayImage image)
    {
        NativeLibraries.EnsureInitialized();
        using var pix = Pix.FromGray(image);
        if (LeptPng.pixWriteMemPng(out var data, out var size, pix.DangerousGetHandle(), 0f) != 0 || data == IntPtr.Zero)
            throw new ImagingException("leptonica could not encode the image as PNG");
        try
        {
            var bytes = new byte[checked((int)size)];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally { LeptPng.lept_free(data); }
    }
}

/// <summary>The leptonica functions that write PNG into memory (liblept.so.5).</summary>
internal static partial class LeptPng
{
    [LibraryImport(NativeLibraries.Leptonica)] internal static partial int pixWriteMemPng(out IntPtr data, out nuint size, IntPtr pix, float gamma);
    [LibraryImport(NativeLibraries.Leptonica)] internal static partial void lept_free(IntPtr ptr);
}
