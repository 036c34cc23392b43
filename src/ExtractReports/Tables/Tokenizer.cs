using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Lines;
using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Cuts lines of cells into tokens. A delimited cell that is a number (with a unit or a bracketed note)
/// is one atomic number; a delimited cell that is a sentence stays whole; anything else (labels,
/// prose, dumps whose cells ran together) is segmented into text and digit runs. Digits inside
/// brackets are notes, and a digit just before `.` + text is a row ordinal (`2.其他…`), not a value.
/// </summary>
public static partial class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(IReadOnlyList<Line> lines)
    {
        var tokens = new List<Token>();
        for (int li = 0; li < lines.Count; li++)
        {
            var line = lines[li];
            if (line.Cells.Count == 0) { tokens.Add(new Token(TokenKind.Blank, "", "", li, -1, line.Page, null, 1)); continue; }
            for (int ci = 0; ci < line.Cells.Count; ci++)
                TokenizeCell(line, li, ci, tokens);
        }
        return tokens;
    }

    private static void TokenizeCell(Line line, int li, int ci, List<Token> tokens)
    {
        var cell = line.Cells[ci];
        var norm = Fold(cell.Text);
        Token Make(TokenKind k, string raw, string n, bool atomic = false, string? note = null, bool placeholder = false) =>
            new(k, raw, n, li, ci, line.Page, cell.Box, cell.Confidence, atomic, note, placeholder);

        if (norm.Length == 0)
        {
            if (line.Delimited) tokens.Add(Make(TokenKind.Blank, "", ""));
            return;
        }
        if (Placeholder().IsMatch(norm)) { tokens.Add(Make(TokenKind.Blank, cell.Text.Trim(), "", placeholder: true)); return; }

        var whole = WholeNumber().Match(norm);
        if (whole.Success)
        {
            var digits = whole.Groups["num"].Value.Replace(",", "");
            var note = (whole.Groups["unit"].Value + whole.Groups["note"].Value).Trim();
            bool atomic = line.Delimited && !(digits.Length > 1 && digits[0] == '0' && !digits.StartsWith("0."));
            tokens.Add(Make(TokenKind.Number, digits, digits, atomic, note.Length > 0 ? note : null));
            return;
        }

        var compact = LabelText.Compact(norm);
        if (line.Delimited && HasDigit(compact) && HasCjk(compact) && !LabelKeys.Mentions(compact))
        {
            tokens.Add(Make(TokenKind.Sentence, CollapseWhitespace(cell.Text), compact));
            return;
        }
        Segment(norm, Make, tokens);
    }

    /// <summary>Splits mixed text into text pieces and digit runs (whitespace inside a run is a certain boundary).</summary>
    private static void Segment(string norm, Func<TokenKind, string, string, bool, string?, bool, Token> make, List<Token> tokens)
    {
        var text = new StringBuilder();
        int depth = 0;
        int i = 0;
        void FlushText()
        {
            var n = LabelText.Compact(text.ToString());
            if (n.Length > 0) tokens.Add(make(TokenKind.Text, text.ToString().Trim(), n, false, null, false));
            text.Clear();
        }
        while (i < norm.Length)
        {
            char ch = norm[i];
            if (ch == '(') depth++;
            if (ch == ')' && depth > 0) depth--;
            if (depth == 0 && (char.IsAsciiDigit(ch) || ch == '-' && i + 1 < norm.Length && char.IsAsciiDigit(norm[i + 1]) && (i == 0 || !char.IsAsciiDigit(norm[i - 1]))))
            {
                int start = i;
                int j = i + 1;
                // A minus sign between digits starts a negative number inside the run (`172-93906`).
                while (j < norm.Length && (char.IsAsciiDigit(norm[j])
                       || (norm[j] == '.' || norm[j] == '-') && j + 1 < norm.Length && char.IsAsciiDigit(norm[j + 1]))) j++;
                var run = norm[start..j];
                // `…00000002.其他法律…`: the last digit before `.`/`、` + text is the next row's ordinal.
                if (j < norm.Length && norm[j] == '.' && (j + 1 >= norm.Length || !char.IsAsciiDigit(norm[j + 1])) && !run.Contains('.'))
                {
                    var ordinal = run[^1..];
                    run = run[..^1];
                    if (run.Length > 0 && run != "-") { FlushText(); tokens.Add(make(TokenKind.Number, run, run, false, UnitAt(norm, j), false)); }
                    text.Append(ordinal);
                    i = j;
                    continue;
                }
                FlushText();
                var unit = UnitAt(norm, j);
                tokens.Add(make(TokenKind.Number, run, run, false, unit, false));
                i = j + (unit?.Length ?? 0);
                continue;
            }
            text.Append(ch);
            i++;
        }
        FlushText();
    }

    private static string? UnitAt(string s, int j)
    {
        if (j >= s.Length) return null;
        if (s[j] == '元') return "元";
        if (j + 1 < s.Length && s[j] == '万' && s[j + 1] == '元') return "万元";
        return null;
    }

    /// <summary>NFKC folding (full-width digits and brackets to ASCII), non-breaking spaces to spaces.</summary>
    internal static string Fold(string s) =>
        LabelText.Fold(s).Replace('\u00a0', ' ').Replace('，', ',').Trim();

    private static string CollapseWhitespace(string s) => Whitespace().Replace(s.Replace('\u00a0', ' '), " ").Trim();
    private static bool HasDigit(string s) => s.Any(char.IsAsciiDigit);
    private static bool HasCjk(string s) => s.Any(IsCjk);
    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"^(?<num>[+-]?\d{1,3}(,\d{3})+(\.\d+)?|[+-]?\d+(\.\d+)?)\s*(?<unit>万元|元|件|条|个|项|次|人|起|家)?\s*(?<note>\(.*\))?\s*$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^(—+|-+|/|无|－+|\\|_+|–+|\*)$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
