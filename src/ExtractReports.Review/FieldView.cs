using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Store;
using ExtractReports.Tables;

namespace ExtractReports.Review;

/// <summary>A cell of the field's table row: its column, value now, and whether it is the field under review.</summary>
public sealed record RowCell(string Field, string Column, string Value, string Status, bool Current);

/// <summary>One side's term of an identity: field, its labels, its value now (null: no number).</summary>
public sealed record IdentityTerm(string Field, string Label, string Value, bool Current);

/// <summary>
/// An identity the field is part of: both sides with their sums as the values stand now, whether it holds,
/// and the value of this field that would make it hold given the others.
/// </summary>
public sealed record IdentityView(string Name, IReadOnlyList<IdentityTerm> Left, IReadOnlyList<IdentityTerm> Right,
    string? LeftSum, string? RightSum, bool? Holds, string? Solved);

/// <summary>A correction as the history lists it.</summary>
public sealed record HistoryEntry(string Value, string Reviewer, string Source, DateTime At);

/// <summary>Everything the page shows for one field.</summary>
public sealed record FieldView(
    string Document, string Kind, string Field, string Table, string RowLabel, string ColumnLabel, string Type,
    string Value, string Status, string ExtractedValue, string ExtractedStatus, double Confidence, IReadOnlyList<string> Flags,
    int Page, string Evidence, string? Correction, string? CorrectedBy,
    IReadOnlyList<RowCell> Row, IReadOnlyList<IdentityView> Identities, IReadOnlyList<string> OtherReadings,
    IReadOnlyList<HistoryEntry> History, CropView? Crop, SourceView? Source);

/// <summary>Builds a <see cref="FieldView"/> from a document's result and the corrections in force.</summary>
public static class FieldViews
{
    public static FieldView Build(DocumentResult result, string fieldId, IReadOnlyDictionary<(string, string), Correction> corrections,
        IReadOnlyList<Correction> history, CropView? crop, SourceView? source, StandardSchema schema)
    {
        var corrected = Corrections.Apply(result, corrections);
        var now = corrected.Fields.ToDictionary(f => f.Field.FieldId);
        var extracted = result.Fields.First(f => f.Field.FieldId == fieldId).Field;
        var current = now[fieldId].Field;
        var def = schema[fieldId];
        corrections.TryGetValue((result.Name, fieldId), out var correction);

        var prefix = RowPrefix(fieldId);
        var row = result.Fields.Where(f => RowPrefix(f.Field.FieldId) == prefix && schema.Contains(f.Field.FieldId))
            .Select(f => new RowCell(f.Field.FieldId, Label(schema[f.Field.FieldId].ColumnLabel, f.Field.FieldId),
                now[f.Field.FieldId].Field.Value, now[f.Field.FieldId].Field.Status.Name(), f.Field.FieldId == fieldId))
            .ToList();

        decimal? ValueOf(string id) => now.TryGetValue(id, out var f) ? f.Field.Status switch
        {
            FieldStatus.Blank => 0m, // a blank cell counts nothing, as the identity checker reads it
            FieldStatus.Missing or FieldStatus.Error => null,
            _ => NumberText.Value(f.Field.Value),
        } : null;
        var identities = Identities(now.Keys.ToHashSet(), fieldId).Select(id =>
        {
            // A row's identity names its terms by column, a column's by row.
            bool sameRow = id.Fields.All(f => RowPrefix(f) == prefix);
            IdentityTerm Term(string f) => new(f, !schema.Contains(f) ? f : sameRow ? schema[f].ColumnLabel : schema[f].RowLabel,
                now.TryGetValue(f, out var v) ? v.Field.Value : "", f == fieldId);
            decimal? Sum(IReadOnlyList<string> side) => side.Aggregate((decimal?)0m, (s, f) => s is { } a && ValueOf(f) is { } b ? a + b : null);
            var (left, right) = (Sum(id.Left), Sum(id.Right));
            return new IdentityView(id.Name, id.Left.Select(Term).ToList(), id.Right.Select(Term).ToList(), Text(left), Text(right),
                left is { } l && right is { } r ? l == r : null, Text(TableIdentities.Solve(id, fieldId, ValueOf)));
        }).ToList();
        // The readings the identities could not tell apart, then what each identity says the value should be.
        var others = (extracted.Readings ?? []).Concat(identities.Select(i => i.Solved).OfType<string>())
            .Where(v => v != current.Value).Distinct().ToList();

        return new FieldView(result.Name, result.Kind.Name(), fieldId, def.Table, def.RowLabel, def.ColumnLabel, def.Type.ToString().ToLowerInvariant(),
            current.Value, current.Status.Name(), extracted.Value, extracted.Status.Name(), now[fieldId].Confidence, extracted.Flags,
            extracted.Page, extracted.Evidence, correction?.Value, correction?.Reviewer,
            row, identities, others, history.Select(h => new HistoryEntry(h.Value, h.Reviewer, h.Source, h.CorrectedAt)).ToList(), crop, source);
    }

    /// <summary>The identities of both formats that hold this field and whose every field the document has.</summary>
    private static IEnumerable<Identity> Identities(HashSet<string> fields, string fieldId) =>
        TableIdentities.ForT3(ReportFormat.F2021).Concat(TableIdentities.ForT3(ReportFormat.F2019)).Concat(TableIdentities.ForT4())
            .Where(i => i.Fields.Contains(fieldId) && i.Fields.All(fields.Contains))
            .DistinctBy(i => string.Join(",", i.Fields));

    /// <summary>The row a field belongs to: its id without the column (t3.granted.natural_person -> t3.granted).</summary>
    private static string RowPrefix(string fieldId) => fieldId[..Math.Max(0, fieldId.LastIndexOf('.'))];

    private static string Label(string column, string id) => column.Length > 0 ? column : id[(id.LastIndexOf('.') + 1)..];

    private static string? Text(decimal? d) => d is { } v ? NumberText.Canonical(v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
}
