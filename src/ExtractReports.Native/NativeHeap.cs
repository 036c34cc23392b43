using System.Runtime.InteropServices;

namespace ExtractReports.Native;

/// <summary>
/// The C heap that Tesseract and leptonica allocate from. glibc keeps what they free in the arena
/// of the thread that freed it for reuse and returns to the system only the free top of the main
/// arena, so memory freed after one page's OCR stayed resident while the next scan, read on another
/// worker thread, grew another arena: the batch's resident memory grew with the number of scans read
/// (measured: ten four-page TIFFs one after another, GC heap 80-220 MB, resident 480-567 MB).
/// <c>malloc_trim(0)</c> returns every arena's free pages.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>Returns the C heap's free memory to the system where the C library is glibc; elsewhere nothing.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (EntryPointNotFoundException) { } // musl has no malloc_trim
        catch (DllNotFoundException) { }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
