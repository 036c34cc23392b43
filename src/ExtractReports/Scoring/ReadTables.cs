using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// The tables (meta, t2, t3, t4) of a document of which some field holds what the reader found (read, blank,
/// inferred or a sentence). A field missing from such a table is a row or cell not found; a field of a table
/// not among them may be one the document does not print at all. The confidence features and the doubt caps
/// both judge missing fields by it.
/// </summary>
internal sealed class ReadTables
{
    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);

    public ReadTables(IEnumerable<FieldValue> fields)
    {
        foreach (var f in fields)
            if (!IsMissing(f)) _tables.Add(TableOf(f.FieldId));
    }

    /// <summary>Whether some field of <paramref name="fieldId"/>'s table holds a value.</summary>
    public bool Contains(string fieldId) => _tables.Contains(TableOf(fieldId));

    /// <summary>Whether the field is missing (or failed) although its table was read.</summary>
    public bool MissingFrom(FieldValue field) => IsMissing(field) && Contains(field.FieldId);

    public static bool IsMissing(FieldValue field) => field.Status is FieldStatus.Missing or FieldStatus.Error;

    /// <summary>A field's table: the first part of its id (t3.new_requests.research: t3).</summary>
    private static string TableOf(string fieldId)
    {
        int dot = fieldId.IndexOf('.');
        return dot < 0 ? fieldId : fieldId[..dot];
    }
}
