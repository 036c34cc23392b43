using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Review;

/// <summary>
/// A line of the source as the table reader saw it, with the cell that holds the field marked: the whole
/// cell, or (<see cref="MarkStart"/> at or above 0) the characters of the value inside a longer cell, as in
/// a dump whose table was flattened into one run of text. Long cells are cut to an excerpt around the mark.
/// </summary>
public sealed record SourceLine(int Number, int Page, IReadOnlyList<string> Cells, int MarkedCell, int MarkStart, int MarkLength, bool Current);

/// <summary>The lines around a field's evidence in a text, HTML or DOCX document, or why there are none.</summary>
public sealed record SourceView(IReadOnlyList<SourceLine> Lines, string? Note);

/// <summary>
/// For documents without a page image (text dumps, HTML, DOCX): the document's lines of cells (the same
/// readers as `extract`, so what is shown is what was read) around the line the field's evidence came
/// from. A field's evidence is its row label and the raw text of its cell (`label | 12`); the line is the
/// one holding that cell whose text, with the lines just before it, shares most with the label.
/// </summary>
public sealed class SourceLines(ReviewServerOptions options, Func<SourceDocument, LineDocument> read)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LineDocument> _documents = [];

    public SourceView Around(DocumentResult result, string fieldId, StandardSchema schema)
    {
        var field = result.Fields.First(f => f.Field.FieldId == fieldId).Field;
        if (field.Evidence.Length == 0) return new([], "the field has no evidence in the document (its row was not found)");
        LineDocument lines;
        try
        {
            lines = Lines(result);
        }
        catch (Exception e) when (e is IOException or DocumentReadException or InvalidOperationException)
        {
            return new([], $"the document could not be read again: {e.Message}");
        }
        int sep = field.Evidence.LastIndexOf(" | ", StringComparison.Ordinal);
        var label = LabelText.Normalize(sep >= 0 ? field.Evidence[..sep] : field.Evidence);
        var raw = (sep >= 0 ? field.Evidence[(sep + 3)..] : "").Trim();
        int column = Column(result, fieldId, schema);

        int best = -1, bestScore = -1;
        var bestMark = (Cell: -1, Start: -1);
        for (int i = 0; i < lines.Lines.Count; i++)
        {
            var line = lines.Lines[i];
            if (field.Page > 0 && line.Page != field.Page) continue;
            var mark = Mark(line, raw, column, label);
            if (mark.Cell < 0 && !(raw.Length == 0 || raw.Contains(' '))) continue;
            var window = LabelText.Normalize(string.Concat(lines.Lines.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2) + 1).Select(l => l.Text)));
            int score = CommonRun(label, window) * 2 + (mark.Cell >= 0 ? 1 : 0);
            if (score > bestScore) (best, bestScore, bestMark) = (i, score, mark);
        }
        if (best < 0) return new([], "the field's cell was not found among the document's lines");
        int from = Math.Max(0, best - options.ContextLines), to = Math.Min(lines.Lines.Count, best + options.ContextLines + 1);
        var shown = Enumerable.Range(from, to - from).Select(i =>
        {
            var cells = lines.Lines[i].Cells.Select(c => c.Text).ToList();
            int markedCell = i == best ? bestMark.Cell : -1, start = i == best ? bestMark.Start : -1, length = start >= 0 ? raw.Length : 0;
            for (int c = 0; c < cells.Count; c++)
            {
                if (cells[c].Length <= MaxCell) continue;
                if (c == markedCell && start >= 0)
                {
                    int cut = Math.Max(0, start - MaxCell / 2);
                    int end = Math.Min(cells[c].Length, start + length + MaxCell / 2);
                    cells[c] = (cut > 0 ? "…" : "") + cells[c][cut..end] + (end < cells[c].Length ? "…" : "");
                    start = start - cut + (cut > 0 ? 1 : 0);
                }
                else cells[c] = cells[c][..MaxCell] + "…";
            }
            return new SourceLine(i + 1, lines.Lines[i].Page, cells, markedCell, start, length, i == best);
        }).ToList();
        return new(shown, null);
    }

    /// <summary>Characters of a long cell shown (an excerpt around the mark).</summary>
    private const int MaxCell = 160;

    private LineDocument Lines(DocumentResult result)
    {
        lock (_lock)
            if (_documents.TryGetValue(result.Sha256, out var cached)) return cached;
        var doc = SourceDocument.FromFile(result.Path);
        if (doc.Sha256 != result.Sha256) throw new InvalidOperationException($"{result.Path} has changed since it was extracted: run extract again");
        var lines = read(doc);
        lock (_lock) _documents[result.Sha256] = lines;
        return lines;
    }

    /// <summary>The field's column among the row's fields (schema order), to choose among equal cells of a line.</summary>
    private static int Column(DocumentResult result, string fieldId, StandardSchema schema)
    {
        var prefix = fieldId[..Math.Max(0, fieldId.LastIndexOf('.'))];
        return result.Fields.Select(f => f.Field.FieldId).Where(id => id[..Math.Max(0, id.LastIndexOf('.'))] == prefix && schema.Contains(id))
            .ToList().IndexOf(fieldId);
    }

    /// <summary>
    /// Where the field's raw text is in a line: a cell that is exactly that text (the column-th of the line's
    /// numbers when several are equal; start -1), else the occurrence inside a cell whose preceding text
    /// shares most with the row label; (-1, -1) when the line does not hold it.
    /// </summary>
    private static (int Cell, int Start) Mark(Line line, string raw, int column, string label)
    {
        if (raw.Length == 0) return (-1, -1);
        var matches = Enumerable.Range(0, line.Cells.Count).Where(c => line.Cells[c].Text.Trim() == raw).ToList();
        if (matches.Count > 0)
        {
            // A row's numbers are its cells in column order: the column-th number is the field's.
            var numbers = Enumerable.Range(0, line.Cells.Count).Where(c => IsNumber(line.Cells[c].Text.Trim())).ToList();
            return (matches.Count == 1 || column < 0 ? matches[0] : matches.FirstOrDefault(c => numbers.IndexOf(c) == column, matches[0]), -1);
        }
        (int Cell, int Start, int Score) best = (-1, -1, -1);
        for (int c = 0; c < line.Cells.Count; c++)
        {
            var text = line.Cells[c].Text;
            for (int at = text.IndexOf(raw, StringComparison.Ordinal); at >= 0; at = text.IndexOf(raw, at + 1, StringComparison.Ordinal))
            {
                int score = CommonRun(label, LabelText.Normalize(text[Math.Max(0, at - 30)..at]));
                if (score > best.Score) best = (c, at, score);
            }
        }
        return (best.Cell, best.Start);
    }

    private static bool IsNumber(string s) => s.Any(char.IsDigit) && s.All(ch => char.IsDigit(ch) || ch is '.' or '-' or ',' or '+');

    /// <summary>The length of the longest run of characters two texts share.</summary>
    private static int CommonRun(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        int best = 0;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) best = cur[j];
            }
            (prev, cur) = (cur, prev);
        }
        return best;
    }
}
