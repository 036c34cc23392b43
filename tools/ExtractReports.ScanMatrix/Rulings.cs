namespace ExtractReports.ScanMatrix;

/// <summary>How a condition draws the tables' ruling lines before the page is printed and scanned.</summary>
public enum RulingStyle
{
    /// <summary>As the source PDF draws them (the corpus's 0.5-1 pt lines).</summary>
    AsPrinted,

    /// <summary>
    /// Hairlines (0.25-0.5 pt): each ruling redrawn one pixel wide at the scan's resolution, which is how poppler renders
    /// a hairline and how a WPS export's thin table lines come out (../shared/real/hzq2023_working.pdf); skew, blur and
    /// the threshold then break them, as a fax does.
    /// </summary>
    Hairline,

    /// <summary>Dotted rulings: the hairline with one pixel inked in every three (a Word or WPS "dotted" border).</summary>
    Dotted,
}

/// <summary>
/// Redraws the ruling lines of a clean rendered page in another <see cref="RulingStyle"/>, so that every source PDF of
/// the matrix can be scanned with thin or dotted lines: the class of the real report's hairlines, measured on documents
/// the reader was not tuned on. A ruling is a straight run of dark pixels longer than any text stroke and no thicker
/// than a line; each is whited out and drawn again along its middle.
/// </summary>
public static class Rulings
{
    /// <summary>Shortest horizontal (vertical) ruling, inches: longer than any run of text ("——" is about 0.3 in).</summary>
    private const double MinHorizontalInches = 0.45, MinVerticalInches = 0.22;

    /// <summary>Thickest ruling, inches (a 2 pt line); thicker dark runs are filled boxes and stay.</summary>
    private const double MaxThicknessInches = 0.03;

    private const int Dark = 160;

    private readonly record struct Line(bool Horizontal, int Across0, int Across1, int Start, int End);

    public static GrayPage Redraw(GrayPage page, RulingStyle style)
    {
        if (style == RulingStyle.AsPrinted) return page;
        var lines = Find(page, horizontal: true).Concat(Find(page, horizontal: false)).ToList();
        var o = (byte[])page.Pixels.Clone();
        int w = page.Width;
        // The line and its anti-aliased edge (a pixel either side, only where it is lighter than ink).
        foreach (var l in lines)
            for (int a = l.Across0 - 1; a <= l.Across1 + 1; a++)
            {
                if (a < 0 || a >= (l.Horizontal ? page.Height : page.Width)) continue;
                bool edge = a < l.Across0 || a > l.Across1;
                for (int t = l.Start; t <= l.End; t++)
                {
                    int i = l.Horizontal ? a * w + t : t * w + a;
                    if (!edge || page.Pixels[i] >= Dark) o[i] = 255;
                }
            }
        foreach (var l in lines)
        {
            int middle = (l.Across0 + l.Across1) / 2;
            for (int t = l.Start; t <= l.End; t++)
                if (style == RulingStyle.Hairline || t % 3 == 0) o[l.Horizontal ? middle * w + t : t * w + middle] = 0;
        }
        return page with { Pixels = o };
    }

    /// <summary>
    /// Rulings of one direction: in each row (column), the runs of dark pixels at least the shortest ruling long; runs of
    /// neighbouring rows that overlap are one line, as thick as the rows it spans.
    /// </summary>
    private static List<Line> Find(GrayPage p, bool horizontal)
    {
        int across = horizontal ? p.Height : p.Width, along = horizontal ? p.Width : p.Height;
        int min = (int)Math.Round((horizontal ? MinHorizontalInches : MinVerticalInches) * p.Dpi);
        int maxThick = Math.Max(2, (int)Math.Round(MaxThicknessInches * p.Dpi));
        var done = new List<Line>();
        var open = new List<Line>();
        for (int a = 0; a < across; a++)
        {
            var runs = new List<(int Start, int End)>();
            int start = -1;
            for (int t = 0; t <= along; t++)
            {
                bool dark = t < along && p.Pixels[horizontal ? a * p.Width + t : t * p.Width + a] < Dark;
                if (dark && start < 0) start = t;
                else if (!dark && start >= 0) { if (t - start >= min) runs.Add((start, t - 1)); start = -1; }
            }
            var next = new List<Line>();
            foreach (var r in runs)
            {
                int i = open.FindIndex(l => l.Start <= r.End && r.Start <= l.End);
                if (i >= 0) { var l = open[i]; open.RemoveAt(i); next.Add(l with { Across1 = a, Start = Math.Min(l.Start, r.Start), End = Math.Max(l.End, r.End) }); }
                else next.Add(new Line(horizontal, a, a, r.Start, r.End));
            }
            done.AddRange(open);
            open = next;
        }
        done.AddRange(open);
        return done.Where(l => l.Across1 - l.Across0 + 1 <= maxThick).ToList();
    }
}
