using System.Runtime;

namespace ExtractReports.Runs;

/// <summary>
/// Gives memory back after heavy work (a scanned page, a document that allocated much): a batch's peak is then that
/// of the heaviest page read, not a growing pile of what earlier scans left behind.
/// </summary>
public static class MemoryRelease
{
    /// <summary>
    /// A full, compacting, aggressive collection, then <paramref name="releaseNative"/> (the command line's
    /// <c>NativeHeap.Trim</c>). Page images are large objects (the GC's large-object threshold is capped at its
    /// 4 MB region size, whatever the runtime settings ask), freed only by full collections, and the GC keeps
    /// the memory it freed committed for reuse: a forced, compacting collection after each scan left 300-420 MB
    /// committed under a live heap of 20-130 MB. The aggressive mode also decommits it. It costs tens of
    /// milliseconds beside the seconds of OCR that made the garbage.
    /// </summary>
    public static void Release(Action? releaseNative)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        releaseNative?.Invoke();
    }
}
