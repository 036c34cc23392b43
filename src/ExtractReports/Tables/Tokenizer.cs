using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Lines;
using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Cuts lines of cells into tokens. A delimited cell that is a number (with a unit or a bracketed note)
/// (a change cell may say it in words, `增52`, `减5`) is one atomic number; a delimited cell that is a sentence stays whole; anything else (labels,
/// prose, dumps whose cells ran together) is segmented into text and digit runs. Digits inside
/// brackets are notes, and a digit just before `.` + text is a row ordinal (`2.其他…`), not a value; so is
/// a lone digit opening a cell before a numbered row's label whose point OCR dropped (`1本机关…`).
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
        var at = new TokenSource(line, li, ci);

        if (norm.Length == 0)
        {
            if (line.Delimited) tokens.Add(at.Token(TokenKind.Blank, "", ""));
            return;
        }
        if (MayBePlaceholder(norm[0]) && Placeholder().IsMatch(norm)) { tokens.Add(at.Token(TokenKind.Blank, cell.Text.Trim(), "", placeholder: true)); return; }

        if (IsAsciiDigits(norm))
        {
            // The commonest numeric cell, a plain number: what the pattern below would find, without its groups.
            bool plainAtomic = line.Delimited && !(norm.Length > 1 && norm[0] == '0');
            tokens.Add(at.Token(TokenKind.Number, norm, norm, plainAtomic));
            return;
        }
        var whole = MayBeNumber(norm[0]) ? WholeNumber().Match(norm)
            : OcrPlus(norm) is { } signed ? WholeNumber().Match(signed) : Match.Empty;
        if (whole.Success)
        {
            var digits = whole.Groups["num"].Value.Replace(",", "");
            // A change cell in words: `增1423` is +1423, `减5` is -5.
            if (whole.Groups["word"].Value.StartsWith('减') && !digits.StartsWith('-')) digits = "-" + digits.TrimStart('+');
            var note = (whole.Groups["unit"].Value + whole.Groups["note"].Value).Trim();
            bool atomic = line.Delimited && !(digits.Length > 1 && digits[0] == '0' && !digits.StartsWith("0."));
            tokens.Add(at.Token(TokenKind.Number, digits, digits, atomic, note.Length > 0 ? note : null));
            return;
        }

        var compact = LabelText.Compact(norm);
        if (line.Delimited && HasDigit(compact) && HasCjk(compact) && !LabelKeys.Mentions(compact))
        {
            tokens.Add(at.Token(TokenKind.Sentence, CollapseWhitespace(cell.Text), compact));
            return;
        }
        Segment(norm, at, tokens);
    }

    /// <summary>Where a cell's tokens come from (line, cell, page, box, engine confidence), which every token of the cell carries.</summary>
    private readonly record struct TokenSource(Line Line, int LineIndex, int CellIndex)
    {
        public Token Token(TokenKind kind, string raw, string norm, bool atomic = false, string? note = null, bool placeholder = false)
        {
            var cell = Line.Cells[CellIndex];
            return new(kind, raw, norm, LineIndex, CellIndex, Line.Page, cell.Box, cell.Confidence, atomic, note, placeholder)
                { Glyphs = cell.Glyphs, RowSeenEmptyAfter = cell.RowSeenEmptyAfter };
        }
    }

    // The characters the two cell patterns below can start with (`\d` is any Unicode digit, as char.IsDigit):
    // most cells are labels, which skip both regexes.
    private static bool MayBePlaceholder(char first) => first is '—' or '-' or '/' or '无' or '－' or '\\' or '_' or '–' or '*';
    private static bool MayBeNumber(char first) => first is '+' or '-' or '增' or '减' || char.IsDigit(first);

    /// <summary>
    /// A number cell whose plus sign OCR read as a look-alike (`十14`, `†3`): the cell with the sign put back, or
    /// null. Only a sign glyph right before the digits: 十 is a numeral only among numerals in words, never before
    /// Arabic digits, and a plus sign leaves the value as the digits say.
    /// </summary>
    private static string? OcrPlus(string norm) =>
        norm.Length > 1 && norm[0] is '十' or '†' && (char.IsAsciiDigit(norm[1]) || norm.Length > 2 && norm[1] == ' ' && char.IsAsciiDigit(norm[2]))
            ? "+" + norm[1..].TrimStart() : null;

    /// <summary>Splits mixed text into text pieces and digit runs (whitespace inside a run is a certain boundary).</summary>
    private static void Segment(string norm, TokenSource at, List<Token> tokens)
    {
        var text = new StringBuilder();
        int depth = 0;
        int i = 0;
        // Only a bracket that closes makes a note: a label whose `)` was lost or garbled (`(二某部分公开…`)
        // must not hide the values after it.
        var paired = norm.Contains('(') ? PairedBrackets(norm) : null;
        while (i < norm.Length)
        {
            char ch = norm[i];
            if (ch == '(' && paired![i]) depth++;
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
                    if (run.Length > 0 && run != "-") { FlushText(text, at, tokens); tokens.Add(at.Token(TokenKind.Number, run, run, note: UnitAt(norm, j))); }
                    text.Append(ordinal);
                    i = j;
                    continue;
                }
                // OCR spaces a cell's opening ordinal from its point (`1 .信访举报…`): still the row's ordinal.
                int point = j;
                while (point < norm.Length && norm[point] == ' ') point++;
                if (start == 0 && point > j && point + 1 < norm.Length && norm[point] == '.' && !char.IsAsciiDigit(norm[point + 1]) && run.Length <= 2 && run[0] != '-')
                {
                    text.Append(run);
                    i = point;
                    continue;
                }
                // OCR drops the point (`1本机关不掌握相关政府信息`): a lone digit opening the cell right before a
                // numbered row's label is that row's ordinal; the point is put back so the label reads as printed.
                if (start == 0 && run.Length == 1 && run[0] is >= '1' and <= NumberedRows.LastOrdinal
                    && NumberedRows.Names(LabelText.Compact(LabelUpToDigit(norm, point))))
                {
                    text.Append(run).Append('.');
                    i = point;
                    continue;
                }
                FlushText(text, at, tokens);
                var unit = UnitAt(norm, j);
                tokens.Add(at.Token(TokenKind.Number, run, run, note: unit));
                i = j + (unit?.Length ?? 0);
                continue;
            }
            text.Append(ch);
            i++;
        }
        FlushText(text, at, tokens);
    }

    /// <summary>For each `(` of <paramref name="s"/>, whether a `)` after it closes it.</summary>
    private static bool[] PairedBrackets(string s)
    {
        var paired = new bool[s.Length];
        var open = new Stack<int>();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') open.Push(i);
            else if (s[i] == ')' && open.Count > 0) paired[open.Pop()] = true;
        }
        return paired;
    }

    /// <summary>The text gathered so far becomes a text token (when it holds more than whitespace).</summary>
    private static void FlushText(StringBuilder text, TokenSource at, List<Token> tokens)
    {
        var raw = text.ToString();
        var n = LabelText.Compact(raw);
        if (n.Length > 0) tokens.Add(at.Token(TokenKind.Text, raw.Trim(), n));
        text.Clear();
    }

    /// <summary>The text from <paramref name="from"/> up to the next digit (a label and nothing of the values after it).</summary>
    private static string LabelUpToDigit(string s, int from)
    {
        int end = from;
        while (end < s.Length && !char.IsAsciiDigit(s[end])) end++;
        return s[from..end];
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
    private static bool IsAsciiDigits(string s) => s.Length > 0 && !s.AsSpan().ContainsAnyExceptInRange('0', '9');
    private static bool HasCjk(string s) => s.Any(IsCjk);
    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    // Only the named groups capture: fewer objects for every numeric cell.
    [GeneratedRegex(@"^(?<word>增加|减少|增|减)?\s*(?<num>[+-]?\d{1,3}(,\d{3})+(\.\d+)?|[+-]?\d+(\.\d+)?)\s*(?<unit>万元|元|件|条|个|项|次|人|起|家)?\s*(?<note>\(.*\))?\s*$", RegexOptions.ExplicitCapture)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^(—+|-+|/|无|－+|\\|_+|–+|\*)$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
