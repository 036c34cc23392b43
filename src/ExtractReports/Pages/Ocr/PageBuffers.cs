namespace ExtractReports.Pages.Ocr;

/// <summary>
/// The page-sized scratch arrays of one page's image work (masks, a gray copy, label images), reused within the page:
/// an array whose data is dead is given back and the next one of its length is that array again. A page read at
/// 300 dpi makes a dozen masks of 6-9 MB and two int label images of 25-35 MB, most of them dead within the page;
/// fresh ones are large objects that only a full collection frees, so the managed heap held twice a page's live data
/// when a batch peaked (README, "Where the rest went"). Not thread-safe: one page, one thread.
/// </summary>
/// <remarks>Not kept from page to page: arrays held free in a pool count in the process's peak while Tesseract's own
/// memory is at its largest (measured on ten scans: a pool kept across pages took the peak from 378-389 to 420 MB).
/// <see cref="DropFree"/> hands the free ones to the collector once the page's image work is done.</remarks>
public sealed class PageBuffers
{
    private readonly List<byte[]> _freeBytes = [];
    private readonly List<int[]> _freeInts = [];
    private readonly HashSet<Array> _rented = new(ReferenceEqualityComparer.Instance);

    /// <summary>A byte array of <paramref name="length"/>, all zero when <paramref name="zeroed"/> (otherwise holding
    /// what it held before: for a caller that writes every element).</summary>
    public byte[] Bytes(int length, bool zeroed = true)
    {
        var a = Take(_freeBytes, length);
        if (zeroed) Array.Clear(a);
        return a;
    }

    /// <summary>A copy of <paramref name="source"/>.</summary>
    public byte[] Copy(byte[] source)
    {
        var a = Bytes(source.Length, zeroed: false);
        source.CopyTo(a, 0);
        return a;
    }

    /// <summary>An int array of <paramref name="length"/>, all zero.</summary>
    public int[] Ints(int length)
    {
        var a = Take(_freeInts, length);
        Array.Clear(a);
        return a;
    }

    /// <summary>Gives back an array whose data is dead; one not rented here is left alone.</summary>
    public void Return(byte[] array)
    {
        if (_rented.Remove(array)) _freeBytes.Add(array);
    }

    /// <inheritdoc cref="Return(byte[])"/>
    public void Return(int[] array)
    {
        if (_rented.Remove(array)) _freeInts.Add(array);
    }

    /// <summary>Lets the collector have the arrays given back (those still rented stay the caller's).</summary>
    public void DropFree()
    {
        _freeBytes.Clear();
        _freeInts.Clear();
    }

    private T[] Take<T>(List<T[]> free, int length)
    {
        int i = free.FindIndex(a => a.Length == length);
        T[] a;
        if (i >= 0)
        {
            a = free[i];
            free.RemoveAt(i);
        }
        else a = GC.AllocateUninitializedArray<T>(length);
        _rented.Add(a);
        return a;
    }
}
