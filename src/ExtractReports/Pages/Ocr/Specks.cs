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
        var piece = new List<int>();
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        bool large = false;
        InkPieces.Walk(ink.Ink, w, h, (_, i, x, y) =>
        {
            // A piece already known to be large is still walked (so it is not started again), but not recorded.
            if (large) return;
            piece.Add(i);
            x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
            large = x1 - x0 >= maxSide || y1 - y0 >= maxSide;
        }, _ =>
        {
            if (!large) foreach (int i in piece) result[i] = 0;
            piece.Clear();
            x0 = y0 = int.MaxValue; x1 = y1 = -1;
            large = false;
        });
        return new BinaryImage(w, h, result);
    }
}
