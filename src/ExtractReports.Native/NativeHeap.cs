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
    private const int TrimThresholdParameter = -1, MmapThresholdParameter = -3, ArenaMaxParameter = -8;

    /// <summary>
    /// Sets glibc's heap up for a batch of scans (elsewhere: nothing). Blocks of 1 MB or more (page images: a 300 dpi
    /// page is 8.7 MB gray) are mapped each on their own and unmapped when freed: glibc's default raises that threshold
    /// to the size of the largest block freed (up to 32 MB), after which page images were carved from the arenas and
    /// left holes in them. At most two arenas (the default is eight a core), so one page's OCR on one worker thread and
    /// the next on another reuse the same free memory. Measured on ten scans read as one batch (README "Scale"): C heap
    /// 271-334 MB (120 in use) before, 110 MB after; peak 602-665 MB before, 503 MB after (384 MB with the collection
    /// after each page), at about 0.5 s more system time a scan.
    /// The trim threshold is raised to 64 MB (so freeing does not hand memory back piece by piece): <see cref="Trim"/>
    /// returns it after each page instead.
    /// </summary>
    public static void Configure()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallOpt(MmapThresholdParameter, 1 << 20);
            MallOpt(TrimThresholdParameter, 64 << 20);
            MallOpt(ArenaMaxParameter, 2);
        }
        catch (EntryPointNotFoundException) { } // musl: no such parameters
        catch (DllNotFoundException) { }
    }

    /// <summary>Returns the C heap's free memory to the system where the C library is glibc; elsewhere nothing.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (EntryPointNotFoundException) { } // musl has no malloc_trim
        catch (DllNotFoundException) { }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
