using System.Runtime.InteropServices;

namespace ExtractReports.Native.Tesseract;

/// <summary>The Tesseract 5 C API functions this project uses (capi.h, libtesseract.so.5).</summary>
internal static partial class Tess
{
    private const string T = NativeLibraries.Tesseract;

    internal const int OemTesseractOnly = 0, OemLstmOnly = 1;
    internal const int PsmAuto = 3, PsmSingleBlock = 6, PsmSingleLine = 7;
    internal const int RilTextline = 2, RilWord = 3, RilSymbol = 4;

    [LibraryImport(T)] internal static partial IntPtr TessVersion();
    [LibraryImport(T)] internal static partial IntPtr TessBaseAPICreate();
    [LibraryImport(T)] internal static partial void TessBaseAPIDelete(IntPtr api);
    [LibraryImport(T)] internal static partial void TessBaseAPIEnd(IntPtr api);

    [LibraryImport(T, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit2(IntPtr api, string datapath, string language, int oem);

    [LibraryImport(T, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(IntPtr api, string name, string value);

    [LibraryImport(T)] internal static partial void TessBaseAPISetPageSegMode(IntPtr api, int mode);

    [LibraryImport(T)]
    internal static partial void TessBaseAPISetImage(IntPtr api, byte[] imagedata, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(T)] internal static partial void TessBaseAPISetSourceResolution(IntPtr api, int ppi);
    [LibraryImport(T)] internal static partial void TessBaseAPISetRectangle(IntPtr api, int left, int top, int width, int height);
    [LibraryImport(T)] internal static partial int TessBaseAPIRecognize(IntPtr api, IntPtr monitor);
    [LibraryImport(T)] internal static partial int TessBaseAPIMeanTextConf(IntPtr api);
    [LibraryImport(T)] internal static partial void TessBaseAPIClear(IntPtr api);

    /// <summary>Orientation and script detection (needs an engine started with osd.traineddata); orientDeg is how far
    /// the page is turned clockwise. Returns 0 when it found too little text to say.</summary>
    [LibraryImport(T)]
    internal static partial int TessBaseAPIDetectOrientationScript(IntPtr api, out int orientDeg, out float orientConf, out IntPtr scriptName, out float scriptConf);

    [LibraryImport(T)] internal static partial IntPtr TessBaseAPIGetIterator(IntPtr api);
    [LibraryImport(T)] internal static partial void TessResultIteratorDelete(IntPtr it);
    [LibraryImport(T)] internal static partial IntPtr TessResultIteratorGetPageIterator(IntPtr it);
    [LibraryImport(T)] internal static partial int TessResultIteratorNext(IntPtr it, int level);
    [LibraryImport(T)] internal static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr it, int level);
    [LibraryImport(T)] internal static partial float TessResultIteratorConfidence(IntPtr it, int level);
    [LibraryImport(T)] internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(T)]
    internal static partial int TessPageIteratorBoundingBox(IntPtr pageIt, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(T)] internal static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIt, int level);
    [LibraryImport(T)] internal static partial int TessPageIteratorIsAtFinalElement(IntPtr pageIt, int level, int element);

    /// <summary>Copies a UTF-8 string Tesseract allocated and frees it.</summary>
    internal static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(text) ?? ""; }
        finally { TessDeleteText(text); }
    }
}

/// <summary>A TessBaseAPI handle: ended and deleted when disposed or finalized.</summary>
internal sealed class TessApiHandle : SafeHandle
{
    public TessApiHandle() : base(IntPtr.Zero, true) => SetHandle(Tess.TessBaseAPICreate());
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Tess.TessBaseAPIEnd(handle);
        Tess.TessBaseAPIDelete(handle);
        return true;
    }
}
