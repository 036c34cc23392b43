namespace ExtractReports.Pages.Ocr;

/// <summary>
/// The 8-connected pieces of a page's ink, walked one after another: pieces in the order of their first pixel
/// (row by row), each flooded from that pixel. The walk hands every pixel to the caller with its piece's number
/// (from 1) as it reaches it, then says the piece has ended; the caller keeps what it needs, a label per pixel
/// (<see cref="BrokenRulingFinder"/>) or only a small piece's pixels (<see cref="Specks"/>). The walk itself keeps
/// one bit per pixel, the pixels it has reached (a 300 dpi A4 page: 1.1 MB).
/// </summary>
public static class InkPieces
{
    /// <summary>A pixel of piece <paramref name="piece"/> reached: its index in the image (<c>y * width + x</c>) and position.</summary>
    public delegate void PixelReached(int piece, int index, int x, int y);

    /// <summary>Walks every piece of <paramref name="ink"/> (non-zero bytes, <paramref name="w"/> by <paramref name="h"/>); returns how many there are.</summary>
    public static int Walk(byte[] ink, int w, int h, PixelReached pixel, Action<int>? ended = null)
    {
        if (ink.Length != w * h) throw new ArgumentException($"the ink holds {ink.Length} pixels, not {w} x {h}", nameof(ink));
        var reached = new ulong[(ink.Length + 63) / 64];
        bool Reach(int i)
        {
            ulong bit = 1UL << (i & 63);
            if ((reached[i >> 6] & bit) != 0) return false;
            reached[i >> 6] |= bit;
            return true;
        }
        var stack = new Stack<int>();
        int count = 0;
        for (int start = 0; start < ink.Length; start++)
        {
            if (ink[start] == 0 || !Reach(start)) continue;
            count++;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                pixel(count, i, x, y);
                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int j = ny * w + nx;
                        if (ink[j] != 0 && Reach(j)) stack.Push(j);
                    }
                }
            }
            ended?.Invoke(count);
        }
        return count;
    }
}
