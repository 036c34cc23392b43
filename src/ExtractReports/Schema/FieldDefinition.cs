namespace ExtractReports.Schema;

/// <summary>The national report formats. A table follows one of them; a report may mix them.</summary>
public enum ReportFormat { F2019, F2021 }

public static class ReportFormatNames
{
    public static string Name(this ReportFormat f) => f == ReportFormat.F2019 ? "2019" : "2021";
}

public enum FieldType { Text, Int, Decimal }

/// <summary>One row of the standard schema (schema/fields.csv). Field ids are a public contract.</summary>
public sealed record FieldDefinition(
    string Id,
    string Table,
    IReadOnlyList<ReportFormat> Formats,
    string RowLabel,
    string ColumnLabel,
    FieldType Type,
    string Unit)
{
    public bool In(ReportFormat format) => Formats.Contains(format);
}
