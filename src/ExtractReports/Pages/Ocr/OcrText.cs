using System.Text;

namespace ExtractReports.Pages.Ocr;

/// <summary>Small text rules for OCR output: joining words, telling numbers from labels.</summary>
public static class OcrText
{
    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    /// <summary>Joins words: Chinese runs join directly (Tesseract splits them at random), anything else with a space.</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (p.Length == 0) continue;
            if (sb.Length > 0 && !(IsCjk(sb[^1]) || IsCjk(p[0]) || IsFullWidthPunctuation(sb[^1]) || IsFullWidthPunctuation(p[0])))
                sb.Append(' ');
            sb.Append(p);
        }
        return sb.ToString();
    }

    private static bool IsFullWidthPunctuation(char c) => c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';

    /// <summary>Text that is worth re-reading as a number: a digit, no Chinese, short.</summary>
    public static bool LooksNumeric(string text, int maxLength)
    {
        var t = text.Replace(" ", "");
        return t.Length > 0 && t.Length <= maxLength && t.Any(char.IsAsciiDigit) && !t.Any(IsCjk)
            && t.Count(char.IsAsciiDigit) * 2 >= t.Length;
    }

    /// <summary>
    /// A number as the digit-whitelist read gave it, without the stray separators a speck or a ruling
    /// remnant adds at its ends; null when nothing number-like is left.
    /// </summary>
    public static string? CleanNumber(string text)
    {
        var t = text.Replace(" ", "").Trim('.', ',');
        if (t.StartsWith('-') && t.Length > 1 && char.IsAsciiDigit(t[1])) { }
        else t = t.TrimStart('-');
        t = t.TrimEnd('-');
        return t.Any(char.IsAsciiDigit) ? t : null;
    }
}
