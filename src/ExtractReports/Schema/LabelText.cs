using System.Text;

namespace ExtractReports.Schema;

/// <summary>
/// Label normalization and fuzzy phrase matching shared by every reader: full-width forms folded
/// (NFKC), whitespace removed, so that `三、 本 年 度 办 理 结 果`, `（二）` and `(二)` compare equal.
/// </summary>
public static class LabelText
{
    public static string Normalize(string text) => Compact(Fold(text));

    /// <summary>NFKC, skipped when no character can change (ASCII, common CJK ideographs and punctuation).</summary>
    public static string Fold(string text)
    {
        bool fullWidth = false;
        foreach (var ch in text)
        {
            if (ch < 0x00A0 || ch is >= '\u4E00' and <= '\u9FFF' or >= '\u3001' and <= '\u30FF' or '“' or '”' or '—') continue;
            if (ch is >= '\uFF01' and <= '\uFF5E' or '\u3000') { fullWidth = true; continue; }
            return text.Normalize(NormalizationForm.FormKC);
        }
        if (!fullWidth) return text;
        // Full-width ASCII and the ideographic space are the common case; NFKC maps them one to one.
        return string.Create(text.Length, text, (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
                span[i] = t[i] is >= '\uFF01' and <= '\uFF5E' ? (char)(t[i] - 0xFEE0) : t[i] == '\u3000' ? ' ' : t[i];
        });
    }

    /// <summary>Whitespace removed and quotes and 、 unified, for text already in NFKC form.</summary>
    public static string Compact(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200b' || ch == '\ufeff') continue;
            sb.Append(ch switch
            {
                '“' or '”' or '"' => '"',
                '、' => '.',
                _ => ch,
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// How well <paramref name="key"/> occurs in <paramref name="text"/> (both normalized): 1 for an exact
    /// occurrence, less for an approximate one (edit distance against the best substring, allowed only for
    /// keys of 5+ characters, at most a quarter of the key), 0 for none.
    /// </summary>
    public static double Match(string text, string key) => Match(PreparedLabel.Of(text), key);

    /// <inheritdoc cref="Match(string, string)"/>
    /// <remarks>For a label compared with many keys: its signature is computed once, in <paramref name="label"/>.</remarks>
    public static double Match(PreparedLabel label, string key)
    {
        var text = label.Text;
        if (key.Length == 0 || text.Length == 0) return 0;
        if (text.Contains(key, StringComparison.Ordinal)) return 1;
        if (key.Length < 5) return 0;
        int maxErrors = key.Length / 4;
        // Cheap rejection: an approximate occurrence needs most of the key's characters in the text
        // (checked against a 64-bit signature of the text's characters, which never rejects wrongly).
        int present = 0;
        foreach (var ch in key) if ((label.Signature & Bit(ch)) != 0) present++;
        if (present < key.Length - maxErrors) return 0;
        int best = BestSubstringDistance(text, key);
        return best <= maxErrors ? 1.0 - (double)best / key.Length : 0;
    }

    /// <summary>A 64-bit set of the characters of <paramref name="text"/> (each character folded onto a bit, so two may share one).</summary>
    public static ulong Signature(string text)
    {
        ulong signature = 0;
        foreach (var ch in text) signature |= Bit(ch);
        return signature;
    }

    private static ulong Bit(char ch) => 1UL << (ch % 64);

    /// <summary>Sellers' algorithm: the least edit distance between key and any substring of text.</summary>
    internal static int BestSubstringDistance(string text, string key)
    {
        // Two rows of the edit-distance table; keys are short phrases, so they fit on the stack.
        int width = key.Length + 1;
        Span<int> prev = width <= 128 ? stackalloc int[width] : new int[width];
        Span<int> cur = width <= 128 ? stackalloc int[width] : new int[width];
        for (int i = 0; i <= key.Length; i++) prev[i] = i;
        int best = prev[key.Length];
        foreach (var t in text)
        {
            cur[0] = 0;
            for (int i = 1; i <= key.Length; i++)
            {
                int cost = key[i - 1] == t ? 0 : 1;
                cur[i] = Math.Min(Math.Min(prev[i] + 1, cur[i - 1] + 1), prev[i - 1] + cost);
            }
            best = Math.Min(best, cur[key.Length]);
            var swap = prev;
            prev = cur;
            cur = swap;
        }
        return best;
    }
}

/// <summary>
/// A normalized label made ready to be matched against many keys (<see cref="LabelText.Match(PreparedLabel, string)"/>):
/// the row aligner compares every row group's labels with every key of both formats' templates.
/// </summary>
public readonly record struct PreparedLabel(string Text, ulong Signature)
{
    public static PreparedLabel Of(string text) => new(text, LabelText.Signature(text));
}
