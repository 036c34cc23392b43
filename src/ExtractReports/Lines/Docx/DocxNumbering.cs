using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ExtractReports.Lines.Docx;

/// <summary>
/// Renders Word's automatic list numbers (一、 （一） 1. and so on), which are not in the text runs:
/// narrative headings and table labels of a report are often numbered this way, and the table
/// reader uses those ordinals as anchors. Counters are kept per list instance (w:num), restarted
/// below a level when that level advances, as Word shows them; bullets give no label.
/// </summary>
internal sealed class DocxNumbering
{
    private sealed record LevelDef(int Start, string Format, string Text);

    private readonly Dictionary<int, int> _abstractOf = [];
    private readonly Dictionary<(int NumId, int Level), int> _startOverride = [];
    private readonly Dictionary<(int AbstractId, int Level), LevelDef> _levels = [];
    private readonly Dictionary<string, (int? NumId, int? Level, string? BasedOn)> _styles = [];
    private readonly Dictionary<int, int?[]> _counters = [];

    public DocxNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var a in numbering.Elements<AbstractNum>())
            {
                if (a.AbstractNumberId?.Value is not int aid) continue;
                foreach (var l in a.Elements<Level>())
                    if (l.LevelIndex?.Value is int li)
                        _levels[(aid, li)] = new LevelDef(l.StartNumberingValue?.Val?.Value ?? 1,
                            l.NumberingFormat?.Val?.InnerText ?? "decimal", l.LevelText?.Val?.Value ?? "");
            }
            foreach (var n in numbering.Elements<NumberingInstance>())
            {
                if (n.NumberID?.Value is not int nid || n.AbstractNumId?.Val?.Value is not int aid) continue;
                _abstractOf[nid] = aid;
                foreach (var o in n.Elements<LevelOverride>())
                    if (o.LevelIndex?.Value is int li && o.StartOverrideNumberingValue?.Val?.Value is int s)
                        _startOverride[(nid, li)] = s;
            }
        }
        foreach (var s in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (s.StyleId?.Value is not { } id) continue;
            var np = s.StyleParagraphProperties?.NumberingProperties;
            _styles[id] = (np?.NumberingId?.Val?.Value, np?.NumberingLevelReference?.Val?.Value, s.BasedOn?.Val?.Value);
        }
    }

    /// <summary>The list label Word shows before the paragraph, or "" when it is not numbered.</summary>
    public string Label(Paragraph paragraph)
    {
        var np = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = np?.NumberingId?.Val?.Value, level = np?.NumberingLevelReference?.Val?.Value;
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (int depth = 0; style is not null && depth < 10 && (numId is null || level is null); depth++)
        {
            if (!_styles.TryGetValue(style, out var s)) break;
            numId ??= s.NumId;
            level ??= s.Level;
            style = s.BasedOn;
        }
        if (numId is not int nid || nid == 0 || !_abstractOf.TryGetValue(nid, out var aid)) return "";
        int lvl = Math.Clamp(level ?? 0, 0, 8);
        if (!_levels.TryGetValue((aid, lvl), out var def)) return "";

        var counters = _counters.TryGetValue(nid, out var c) ? c : _counters[nid] = new int?[9];
        counters[lvl] = counters[lvl] is int v ? v + 1 : StartOf(nid, aid, lvl);
        for (int deeper = lvl + 1; deeper < 9; deeper++) counters[deeper] = null;
        if (def.Format is "bullet" or "none") return "";

        var sb = new StringBuilder();
        for (int i = 0; i < def.Text.Length; i++)
        {
            if (def.Text[i] == '%' && i + 1 < def.Text.Length && def.Text[i + 1] is >= '1' and <= '9')
            {
                int k = def.Text[i + 1] - '1';
                var kDef = _levels.GetValueOrDefault((aid, k), def);
                sb.Append(Format(counters[k] ?? StartOf(nid, aid, k), kDef.Format));
                i++;
            }
            else sb.Append(def.Text[i]);
        }
        return sb.ToString();
    }

    private int StartOf(int nid, int aid, int level) =>
        _startOverride.TryGetValue((nid, level), out var s) ? s : _levels.TryGetValue((aid, level), out var d) ? d.Start : 1;

    private static string Format(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "chineseLegalSimplified" or "japaneseCounting" or "taiwaneseCounting"
            or "ideographLegalTraditional" or "taiwaneseCountingThousand" => Chinese(n),
        "ideographTraditional" => n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString().Select(d => (char)('０' + (d - '0')))),
        "decimalZero" => n.ToString("00"),
        "upperLetter" => Letters(n, 'A'),
        "lowerLetter" => Letters(n, 'a'),
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        _ => n.ToString(),
    };

    private static string Chinese(int n)
    {
        const string digits = "〇一二三四五六七八九";
        if (n is < 0 or > 999) return n.ToString();
        if (n < 10) return digits[n].ToString();
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        if (n < 100) return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var rest = n % 100;
        return digits[n / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + digits[rest] : rest < 20 ? "一" + Chinese(rest) : Chinese(rest));
    }

    private static string Letters(int n, char a) => n < 1 ? n.ToString() : new string((char)(a + (n - 1) % 26), (n - 1) / 26 + 1);

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString();
        var sb = new StringBuilder();
        foreach (var (value, symbol) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= value) { sb.Append(symbol); n -= value; }
        return sb.ToString();
    }
}
