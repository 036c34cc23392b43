using System.Globalization;

namespace ExtractReports.Tables;

/// <summary>DESIGN.md's value rules for numbers: plain ASCII digits, sign kept, decimals without trailing zeros.</summary>
public static class NumberText
{
    public static string Canonical(string raw)
    {
        var s = raw.Replace(",", "").Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            return s;
        if (!s.Contains('.')) return d.ToString("0", CultureInfo.InvariantCulture);
        var t = d.ToString("0.############################", CultureInfo.InvariantCulture);
        return t == "-0" ? "0" : t;
    }

    public static decimal? Value(string canonical) =>
        decimal.TryParse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
}
