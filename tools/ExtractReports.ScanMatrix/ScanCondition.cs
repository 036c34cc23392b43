using System.Globalization;

namespace ExtractReports.ScanMatrix;

/// <summary>
/// One way a page is printed and scanned (a row of tools/scan-conditions.csv). Skew is the largest
/// angle either way: each page draws its own from the part's seed, as do the noise's pixels.
/// </summary>
/// <param name="Name">The condition's name, also the suffix of its documents' names.</param>
/// <param name="Dpi">Scan resolution; the page is rendered at it (a scanner samples the paper once).</param>
/// <param name="Bilevel">Black and white (a fax, a "text" scanner setting): thresholded, stored as G4.</param>
/// <param name="JpegQuality">JPEG quality of a gray page (ignored when bilevel).</param>
/// <param name="Blur">Gaussian sigma in pixels at the scan resolution (optics, focus, a phone's shake).</param>
/// <param name="Noise">Gaussian sensor noise, standard deviation in grey levels.</param>
/// <param name="Skew">Largest skew in degrees, either way.</param>
/// <param name="Shade">Uneven light: the paper darkens by up to this share across the page (a phone photo).</param>
/// <param name="Generations">1 = a scan of the print; 2 = a scan of a print of that scan.</param>
/// <param name="Turn">The sheet laid on the glass turned by this many degrees clockwise (0, 90, 180 or 270): a
/// landscape page fed sideways, a page put in upside down. Optional column, 0 when absent.</param>
/// <param name="Rulings">How the tables' lines are drawn before printing (column `rulings`, optional: as-printed,
/// hairline or dotted; see <see cref="RulingStyle"/>).</param>
public sealed record ScanCondition(string Name, int Dpi, bool Bilevel, int JpegQuality, double Blur, double Noise,
    double Skew, double Shade, int Generations, string Description, int Turn = 0, RulingStyle Rulings = RulingStyle.AsPrinted)
{
    public static IReadOnlyList<ScanCondition> Load(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"{csvPath}: no column {name}");
        double D(string[] f, string name) => double.Parse(f[Col(name)], CultureInfo.InvariantCulture);
        return lines.Skip(1).Select(l => l.Split(',', header.Length)).Select(f => new ScanCondition(
            f[Col("condition")], (int)D(f, "dpi"), f[Col("mode")] == "bilevel", (int)D(f, "jpeg_quality"), D(f, "blur"),
            D(f, "noise"), D(f, "skew"), D(f, "shade"), (int)D(f, "generations"), f[Col("description")],
            Array.IndexOf(header, "turn") >= 0 ? (int)D(f, "turn") : 0,
            Array.IndexOf(header, "rulings") is var r and >= 0 ? ParseRulings(f[r]) : RulingStyle.AsPrinted)).ToList();
    }

    private static RulingStyle ParseRulings(string value) => value switch
    {
        "" or "as-printed" => RulingStyle.AsPrinted,
        "hairline" => RulingStyle.Hairline,
        "dotted" => RulingStyle.Dotted,
        _ => throw new FormatException($"unknown rulings {value} (as-printed, hairline or dotted)"),
    };
}
