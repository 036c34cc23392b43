using System.Text;

namespace ExtractReports.Lines;

/// <summary>
/// Gathers the text of a cell or paragraph from markup: inline pieces run together, and line breaks
/// (&lt;br&gt;, a &lt;p&gt; inside a table cell, a Word line break) end a piece. The result is one string
/// with whitespace collapsed as a browser shows it, so a label wrapped over several lines or spans
/// stays one label.
/// </summary>
public sealed class TextPieces
{
    private readonly List<string> _pieces = [];
    private readonly StringBuilder _current = new();

    public void Append(string text) => _current.Append(text);

    /// <summary>Ends the current piece (a line break inside the same cell or paragraph).</summary>
    public void Break()
    {
        var piece = Collapse(_current.ToString());
        if (piece.Length > 0) _pieces.Add(piece);
        _current.Clear();
    }

    public bool IsEmpty => _pieces.Count == 0 && Collapse(_current.ToString()).Length == 0;

    /// <summary>The pieces joined, then cleared for the next cell or paragraph.</summary>
    public string Take()
    {
        Break();
        var sb = new StringBuilder();
        foreach (var p in _pieces)
        {
            // Latin words and numbers on two lines are two words; Chinese text wrapped onto a
            // second line is one phrase (a label like 本年新<br>制作数量).
            if (sb.Length > 0 && IsAsciiWordChar(sb[^1]) && IsAsciiWordChar(p[0])) sb.Append(' ');
            sb.Append(p);
        }
        _pieces.Clear();
        return sb.ToString();
    }

    /// <summary>
    /// Collapses each run of whitespace (including no-break and ideographic spaces) to one space and
    /// trims the ends. A run holding a line break between two East Asian wide characters is
    /// removed, as CSS Text 3 renders it: it is source formatting, not a space.
    /// </summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (!IsSpace(text[i])) { sb.Append(text[i++]); continue; }
            bool newline = false;
            while (i < text.Length && IsSpace(text[i])) { newline |= text[i] is '\n' or '\r'; i++; }
            if (sb.Length == 0 || i == text.Length) continue; // leading or trailing
            if (newline && IsWide(sb[^1]) && IsWide(text[i])) continue;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200b' or '\ufeff';

    private static bool IsAsciiWordChar(char c) => c < 0x80 && char.IsLetterOrDigit(c);

    private static bool IsWide(char c) =>
        c is >= '\u2e80' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' or >= '\uff00' and <= '\uffef';
}
