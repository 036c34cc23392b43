namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Removes specks from a page's ink: connected pieces (8-connected) whose box fits in a square of a given side.
/// Scan noise and JPEG artefacts that adaptive binarization takes for ink sit next to digits, widen their crop
/// and are read as strokes (specks beside a 1 read as a sure 4); a printed point or comma is larger than the square.
/// </summary>
public static class Specks
{
    public static BinaryImage Remove(BinaryImage ink, int maxSide)
    {
        int w = ink.Width, h = ink.Height;
        var result = (byte[])ink.Ink.Clone();
        var seen = new bool[w * h];
        var stack = new Stack<int>();
        var piece = new List<int>();
        for (int start = 0; start < result.Length; start++)
        {
            if (result[start] == 0 || seen[start]) continue;
            piece.Clear();
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            bool large = false;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                // A piece already known to be large is still walked (so it is not started again), but not recorded.
                if (!large)
                {
                    piece.Add(i);
                    x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
                    large = x1 - x0 >= maxSide || y1 - y0 >= maxSide;
                }
                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int j = ny * w + nx;
                        if (result[j] == 0 || seen[j]) continue;
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }
            if (!large) foreach (int i in piece) result[i] = 0;
        }
        return new BinaryImage(w, h, result);
    }
}
