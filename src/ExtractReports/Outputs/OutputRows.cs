using System.Globalization;
using CsvHelper.Configuration;

namespace ExtractReports.Outputs;

/// <summary>A row of fields.csv.</summary>
public sealed record FieldRow(string Document, string Field, string Value, double Confidence, string Status, string Flags, int Page, string Box, string Evidence);

/// <summary>A row of documents.csv: one per input, whatever happened to it.</summary>
public sealed record DocumentRow(
    string Document, string Path, string Sha256, string Kind, string Format, string Agency, string Year, int Pages,
    int FieldsOk, int FieldsFlagged, int IdentitiesHeld, int IdentitiesBroken, string Status, string Message, double Seconds, string Method);

/// <summary>A row of review.csv: a doubtful field with its context and an empty column for the correction.</summary>
public sealed record ReviewRow(string Document, string Field, string Value, double Confidence, string Status, string Flags, int Page, string Evidence, string CorrectedValue);

public sealed class FieldRowMap : ClassMap<FieldRow>
{
    public FieldRowMap()
    {
        Map(r => r.Document).Name("document");
        Map(r => r.Field).Name("field");
        Map(r => r.Value).Name("value");
        Map(r => r.Confidence).Name("confidence").TypeConverterOption.Format("0.####");
        Map(r => r.Status).Name("status");
        Map(r => r.Flags).Name("flags");
        Map(r => r.Page).Name("page");
        Map(r => r.Box).Name("box");
        Map(r => r.Evidence).Name("evidence");
    }
}

public sealed class DocumentRowMap : ClassMap<DocumentRow>
{
    public DocumentRowMap()
    {
        Map(r => r.Document).Name("document");
        Map(r => r.Path).Name("path");
        Map(r => r.Sha256).Name("sha256");
        Map(r => r.Kind).Name("kind");
        Map(r => r.Format).Name("format");
        Map(r => r.Agency).Name("agency");
        Map(r => r.Year).Name("year");
        Map(r => r.Pages).Name("pages");
        Map(r => r.FieldsOk).Name("fields_ok");
        Map(r => r.FieldsFlagged).Name("fields_flagged");
        Map(r => r.IdentitiesHeld).Name("identities_held");
        Map(r => r.IdentitiesBroken).Name("identities_broken");
        Map(r => r.Status).Name("status");
        Map(r => r.Message).Name("message");
        Map(r => r.Seconds).Name("seconds").TypeConverterOption.Format("0.###");
        Map(r => r.Method).Name("method");
    }
}

public sealed class ReviewRowMap : ClassMap<ReviewRow>
{
    public ReviewRowMap()
    {
        Map(r => r.Document).Name("document");
        Map(r => r.Field).Name("field");
        Map(r => r.Value).Name("value");
        Map(r => r.Confidence).Name("confidence").TypeConverterOption.Format("0.####");
        Map(r => r.Status).Name("status");
        Map(r => r.Flags).Name("flags");
        Map(r => r.Page).Name("page");
        Map(r => r.Evidence).Name("evidence");
        Map(r => r.CorrectedValue).Name("corrected_value");
    }
}

internal static class CsvSettings
{
    public static CsvConfiguration Config => new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
}
