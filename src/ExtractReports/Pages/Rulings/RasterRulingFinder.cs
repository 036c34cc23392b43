namespace ExtractReports.Pages.Rulings;

/// <summary>An 8-bit grayscale image, rows top to bottom, 0 black, 255 white.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public byte this[int x, int y] => Pixels[y * Width + x];
}

/// <summary>Knobs of <see cref="RasterRulingFinder"/>, in pixels of the image it reads.</summary>
public sealed record RasterRulingOptions
{
    /// <summary>A pixel darker than this is ink. 160: keeps pale cell shading (light blue, grey 85%) out.</summary>
    public int DarkThreshold { get; init; } = 160;

    /// <summary>Shortest run of ink that can be a ruling, in pixels (at 50 dpi 9 px = 13 pt, longer than a stroke of body text).</summary>
    public int MinLength { get; init; } = 9;

    /// <summary>A thicker run is a filled block (a dark header band, an image), not a line. 3 px.</summary>
    public int MaxThickness { get; init; } = 3;

    /// <summary>Gaps in a run up to this many pixels are bridged (dashed borders, anti-aliasing). 1 px.</summary>
    public int MaxGap { get; init; } = 1;
}

/// <summary>
/// Finds horizontal and vertical ruling lines in a grayscale render: long thin runs of dark pixels,
/// stacked into lines on consecutive rows (columns). Works the same on a low-resolution render of a
/// text PDF and on a scan.
/// </summary>
public static class RasterRulingFinder
{
    /// <summary>Rulings in page units: pixel coordinates times <paramref name="scale"/>.</summary>
    public static IReadOnlyList<Ruling> Find(GrayImage image, double scale, RasterRulingOptions options)
    {
        var result = new List<Ruling>();
        foreach (var (along, first, last) in Scan(image, options, horizontal: true))
            result.Add(new Ruling(new Box(along.Start * scale, first * scale, (along.End + 1) * scale, (last + 1) * scale)));
        foreach (var (along, first, last) in Scan(image, options, horizontal: false))
            result.Add(new Ruling(new Box(first * scale, along.Start * scale, (last + 1) * scale, (along.End + 1) * scale)));
        return result;
    }

    private readonly record struct Run(int Start, int End)
    {
        public int Length => End - Start + 1;
        public int Overlap(Run o) => Math.Min(End, o.End) - Math.Max(Start, o.Start) + 1;
    }

    private sealed class Open(Run run, int first)
    {
        public Run Run = run;
        public int First = first, Last = first;
    }

    /// <summary>Runs along each row (or column), stacked across consecutive rows into lines.</summary>
    private static IEnumerable<(Run Along, int First, int Last)> Scan(GrayImage image, RasterRulingOptions o, bool horizontal)
    {
        int lines = horizontal ? image.Height : image.Width;
        int length = horizontal ? image.Width : image.Height;
        var open = new List<Open>();
        var done = new List<Open>();
        for (int i = 0; i < lines; i++)
        {
            var runs = new List<Run>();
            int start = -1, lastInk = -1;
            for (int j = 0; j <= length; j++)
            {
                bool ink = j < length && (horizontal ? image[j, i] : image[i, j]) < o.DarkThreshold;
                if (ink)
                {
                    if (start < 0 || j - lastInk - 1 > o.MaxGap)
                    {
                        if (start >= 0 && lastInk - start + 1 >= o.MinLength) runs.Add(new Run(start, lastInk));
                        start = j;
                    }
                    lastInk = j;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= o.MinLength) runs.Add(new Run(start, lastInk));

            var next = new List<Open>();
            foreach (var r in runs)
            {
                var match = open.FirstOrDefault(x => x.Last == i - 1 && x.Run.Overlap(r) >= 0.8 * Math.Min(x.Run.Length, r.Length));
                if (match is not null)
                {
                    open.Remove(match);
                    match.Run = new Run(Math.Min(match.Run.Start, r.Start), Math.Max(match.Run.End, r.End));
                    match.Last = i;
                    next.Add(match);
                }
                else next.Add(new Open(r, i));
            }
            done.AddRange(open);
            open = next;
        }
        done.AddRange(open);
        foreach (var d in done)
            if (d.Last - d.First + 1 <= o.MaxThickness)
                yield return (d.Run, d.First, d.Last);
    }
}
