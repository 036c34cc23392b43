using System.Runtime.InteropServices;

namespace ExtractReports.Native.Leptonica;

/// <summary>The leptonica 1.82 functions this project uses (C API, liblept.so.5).</summary>
internal static partial class Lept
{
    private const string L = NativeLibraries.Leptonica;

    [LibraryImport(L)] internal static partial IntPtr pixReadMem(byte[] data, nuint size);
    [LibraryImport(L)] internal static partial int setMsgSeverity(int newSeverity);
    [LibraryImport(L)] internal static partial IntPtr pixaReadMemMultipageTiff(byte[] data, nuint size);
    [LibraryImport(L)] internal static partial int pixaGetCount(IntPtr pixa);
    /// <summary>accesstype: 1 L_COPY, 2 L_CLONE.</summary>
    [LibraryImport(L)] internal static partial IntPtr pixaGetPix(IntPtr pixa, int index, int accesstype);
    [LibraryImport(L)] internal static partial void pixaDestroy(ref IntPtr ppixa);

    [LibraryImport(L)] internal static partial IntPtr pixCreate(int width, int height, int depth);
    [LibraryImport(L)] internal static partial void pixDestroy(ref IntPtr ppix);
    [LibraryImport(L)] internal static partial int pixGetWidth(IntPtr pix);
    [LibraryImport(L)] internal static partial int pixGetHeight(IntPtr pix);
    [LibraryImport(L)] internal static partial int pixGetDepth(IntPtr pix);
    [LibraryImport(L)] internal static partial int pixGetWpl(IntPtr pix);
    [LibraryImport(L)] internal static partial int pixGetXRes(IntPtr pix);
    [LibraryImport(L)] internal static partial IntPtr pixGetData(IntPtr pix);

    [LibraryImport(L)] internal static partial IntPtr pixConvertTo8(IntPtr pix, int cmapflag);
    [LibraryImport(L)] internal static partial IntPtr pixScale(IntPtr pix, float scalex, float scaley);

    [LibraryImport(L)] internal static partial IntPtr pixConvertTo1(IntPtr pix, int threshold);

    [LibraryImport(L)]
    internal static partial int pixFindSkewSweepAndSearch(IntPtr pix, out float angle, out float conf,
        int redsweep, int redsearch, float sweeprange, float sweepdelta, float minbsdelta);

    /// <summary>type 2 L_ROTATE_AREA_MAP, incolor 1 L_BRING_IN_WHITE; width/height 0 keep the size.</summary>
    [LibraryImport(L)] internal static partial IntPtr pixRotate(IntPtr pix, float radians, int type, int incolor, int width, int height);

    [LibraryImport(L)]
    internal static partial int pixSauvolaBinarizeTiled(IntPtr pix, int whsize, float factor, int nx, int ny,
        IntPtr ppixth, out IntPtr ppixd);

    [LibraryImport(L)] internal static partial IntPtr pixOpenBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
}
