using System.Text.RegularExpressions;
using ExtractReports.Documents;

namespace ExtractReports.Lines.TextDump;

/// <summary>
/// Reads text dumps made by other tools (.txt, .md): tab rows, markdown pipe rows (whole or broken
/// into one cell per line), one cell per line with blank lines, and prose where a table's cells ran
/// together. Each physical line becomes a <see cref="Line"/>; the table reader does the rest.
/// </summary>
public sealed partial class TextDumpReader : ILineReader
{
    public bool CanRead(SourceDocument document) => document.Kind == DocumentKind.Text;

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        DecodedText decoded;
        try { decoded = TextDecoder.Decode(document.Bytes); }
        catch (UndecodableTextException e) { throw new DocumentReadException(e.Message, e); }
        return ReadText(decoded.Text, $"text-dump ({decoded.EncodingName})");
    }

    public static LineDocument ReadText(string text, string method = "text-dump")
    {
        var lines = new List<Line>();
        bool afterEmptyPipeLine = false;
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            // Pages whose blank cells were flattened to line breaks (`25 |` / `|` / `|` / `| 25 |`): each
            // line break is an empty cell, so the `|` that opens the line after a `|`-only line closes one.
            bool keepLeadingEmpty = afterEmptyPipeLine;
            afterEmptyPipeLine = line.Trim() == "|";
            if (line.Contains("---") && SeparatorRow().IsMatch(line)) continue; // (a separator row has a run of 3 dashes)
            if (line.Contains('\t'))
                lines.Add(new Line(line.Split('\t').Select(c => new Cell(CleanCell(c))).ToArray(), Delimited: true));
            else if (line.Contains('|'))
                lines.Add(new Line(SplitPipes(line, keepLeadingEmpty), Delimited: true));
            else if (string.IsNullOrWhiteSpace(line.Replace('\u00a0', ' ')))
                lines.Add(Line.Blank());
            else
            {
                var cell = CleanCell(line);
                // A short line is one cell of a one-cell-per-line dump; long lines are prose.
                lines.Add(new Line([new Cell(cell)], Delimited: cell.Length <= 40));
            }
        }
        return new LineDocument(lines, method);
    }

    private static Cell[] SplitPipes(string line, bool keepLeadingEmpty)
    {
        var parts = line.Split('|');
        int start = parts.Length > 0 && string.IsNullOrWhiteSpace(parts[0]) && !keepLeadingEmpty ? 1 : 0;
        var cells = new List<Cell>();
        for (int i = start; i < parts.Length; i++) cells.Add(new Cell(CleanCell(parts[i])));
        // Trailing empty cells of a pipe row are the table's padding, not blank values.
        while (cells.Count > 1 && cells[^1].IsBlank) cells.RemoveAt(cells.Count - 1);
        return cells.ToArray();
    }

    /// <summary>Markdown heading marks and emphasis are layout, not text.</summary>
    private static string CleanCell(string cell)
    {
        var c = cell.Replace('\u00a0', ' ').Trim();
        if (c.StartsWith('#')) c = Heading().Replace(c, "");
        return c.Replace("**", "").Trim();
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*([|\t]\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();
}
