using ExtractReports.Schema;
using ExtractReports.Tables;

namespace ExtractReports.Fields;

/// <summary>A document's fields before checks: one per schema field of the formats its tables follow.</summary>
public sealed record FieldSet(ReportFormat? T2Format, ReportFormat? T3Format, string FormatName, IReadOnlyList<FieldValue> Fields);

/// <summary>
/// Maps table readings onto the standard schema. Each table's fields follow that table's format; a
/// table or row the document lacks gives fields with status `missing` and an empty value, never a guess.
/// </summary>
public static class FieldMapper
{
    public static FieldSet Map(ReportReading reading, ReportMeta meta, StandardSchema schema)
    {
        var t2Format = reading.T2?.Format ?? reading.T3?.Format;
        var t3Format = reading.T3?.Format ?? reading.T2?.Format;
        var formatName = t2Format is null ? "" : t2Format == t3Format ? t2Format.Value.Name() : "mixed";
        // Each field's cell; should two tables name the same field, the first one read wins.
        var cells = new Dictionary<string, (TableReading Table, CellReading Cell)>(reading.Tables.Sum(t => t.Cells.Count));
        foreach (var t in reading.Tables)
            foreach (var c in t.Cells) cells.TryAdd(c.FieldId, (t, c));

        var fields = new List<FieldValue>(schema.Fields.Count)
        {
            FromMentions(Unconfirmed(Meta("meta.agency", meta.Agency, meta.Title ?? meta.AgencySentence, meta.TitleConfidence, meta.AgencySource), meta.AgencySource, meta.AgencyConfirmed), meta.AgencyFromMentions),
            Unconfirmed(Meta("meta.year", meta.Year, meta.Title, meta.TitleConfidence, meta.YearSource), meta.YearSource, meta.YearConfirmed),
            FormatField(formatName, t2Format, t3Format, readFromBoth: reading.T2 is not null && reading.T3 is not null,
                certain: reading.T2?.FormatCertain != false && reading.T3?.FormatCertain != false),
        };
        var notRead = NotRead(reading);
        foreach (var def in schema.Fields)
        {
            if (def.Table == "meta") continue;
            var format = def.Table switch { "t2" => t2Format, "t3" => t3Format, _ => t3Format ?? t2Format };
            if (format is null ? !def.In(ReportFormat.F2021) : !def.In(format.Value)) continue;
            var field = cells.TryGetValue(def.Id, out var x) ? FromCell(x.Cell, x.Table) : Missing(def.Id);
            if (field.Status == FieldStatus.Missing && notRead.Contains(def.Table)) field = field with { Flags = [.. field.Flags, TableNotRead] };
            fields.Add(field);
        }
        return new FieldSet(t2Format, t3Format, formatName, fields);
    }

    /// <summary>
    /// A meta field. One read from a title is labelled by it; one read from the sentence in which the
    /// report names itself has no label and no certain place, and a year only mentioned in the prose is a
    /// guess besides: the evidence says so, and the confidence stays below the review threshold.
    /// </summary>
    private static FieldValue Meta(string id, string? value, string? evidence, double engineConfidence = 1, MetaSource source = MetaSource.Title)
    {
        if (value is null)
            return new(id, "", FieldStatus.Missing, evidence ?? "", 1, null, ["not_found"], new FieldEvidence(0, false, true, 1, engineConfidence, true));
        var features = source switch
        {
            MetaSource.Title => new FieldEvidence(1, true, true, 1, engineConfidence, true),
            MetaSource.NamingSentence => new FieldEvidence(0, false, false, 1, engineConfidence, true),
            _ => new FieldEvidence(0, false, false, 1, engineConfidence, false),
        };
        IReadOnlyList<string> flags = source switch
        {
            MetaSource.Title => [],
            MetaSource.NamingSentence => ["from_naming_sentence"],
            _ => ["from_prose_years"],
        };
        return new(id, value, FieldStatus.Ok, evidence ?? "", 1, null, flags, features);
    }

    /// <summary>
    /// A meta field read from the title that the rest of the report does not confirm (it names another agency, or states
    /// another year) is flagged <c>title_unconfirmed</c>: read by OCR, one misread glyph of the title would stand alone
    /// (see <see cref="ExtractReports.Scoring.DoubtCaps"/>).
    /// </summary>
    private static FieldValue Unconfirmed(FieldValue field, MetaSource source, bool confirmed) =>
        confirmed || source != MetaSource.Title || field.Status != FieldStatus.Ok ? field : field with { Flags = [.. field.Flags, "title_unconfirmed"] };

    /// <summary>
    /// An agency spelled as the report's other mentions spell it rather than as its OCR'd title does is flagged
    /// <c>agency_from_mentions</c>: the evidence (the title) shows another spelling, and the reviewer should know why.
    /// </summary>
    private static FieldValue FromMentions(FieldValue field, bool fromMentions) =>
        fromMentions ? field with { Flags = [.. field.Flags, AgencyFromMentions] } : field;

    /// <summary>The flag of an agency spelled as the report's mentions spell it, not as its title does.</summary>
    public const string AgencyFromMentions = "agency_from_mentions";

    /// <summary>
    /// The report's format. Tables 二 and 三 each show theirs, and a "mixed" report (one of each) is known only
    /// when both were read: from one table the format is a guess at the other, flagged
    /// <c>format_from_one_table</c> (measured 2026-12-03: a scan whose table 二 was not found gave `2021` for a
    /// mixed report at confidence 1). A table whose reader could not tell its format apart (<see cref="TableReading.FormatCertain"/>)
    /// makes the format a guess too, flagged <c>format_uncertain</c> as that table's fields are.
    /// </summary>
    private static FieldValue FormatField(string formatName, ReportFormat? t2Format, ReportFormat? t3Format, bool readFromBoth, bool certain)
    {
        var field = Meta("meta.format", formatName.Length > 0 ? formatName : null, $"t2 {t2Format?.Name() ?? "?"}, t3 {t3Format?.Name() ?? "?"}");
        if (field.Status != FieldStatus.Ok) return field;
        if (!certain) field = field with { Flags = [.. field.Flags, "format_uncertain"], Features = field.Features with { FormatCertain = false } };
        if (readFromBoth) return field;
        return field with { Flags = [.. field.Flags, "format_from_one_table"], Features = field.Features with { FormatCertain = false } };
    }

    /// <summary>
    /// The flag of a field missing from a table the document shows it printed (<see cref="PrintedTables"/>: its heading
    /// or labels seen) of which no value was read: the reader failed on a printed table, unlike a table the document
    /// does not print, whose fields are rightly missing (see <see cref="ExtractReports.Scoring.DoubtCaps"/>).
    /// </summary>
    public const string TableNotRead = "table_not_read";

    /// <summary>The tables (t2, t3, t4) the document shows it printed and of which no cell holds a value.</summary>
    private static HashSet<string> NotRead(ReportReading reading)
    {
        var notRead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in (string[])["t2", "t3", "t4"])
            if (reading.Printed.Shows(table)) notRead.Add(table);
        foreach (var t in reading.Tables)
            if (t.Cells.Any(c => c.Origin != CellOrigin.Missing)) notRead.Remove(t.Table);
        return notRead;
    }

    private static FieldValue Missing(string id) => new(id, "", FieldStatus.Missing, "", 0, null, RowNotFound, MissingEvidence);

    // Shared by every missing field (records, never changed in place).
    private static readonly IReadOnlyList<string> RowNotFound = ["row_not_found"];
    private static readonly FieldEvidence MissingEvidence = new(0, false, false, 1, 1, false);

    private static FieldValue FromCell(CellReading c, TableReading t)
    {
        var status = c.Origin switch
        {
            CellOrigin.Read or CellOrigin.Decoded => FieldStatus.Ok,
            CellOrigin.Inferred => FieldStatus.Inferred,
            CellOrigin.Blank => FieldStatus.Blank,
            CellOrigin.Text => FieldStatus.Text,
            _ => FieldStatus.Missing,
        };
        IReadOnlyList<string> flags = t.FormatCertain ? c.Flags : [.. c.Flags, "format_uncertain"];
        return new FieldValue(c.FieldId, c.Value, status, c.Evidence, c.Page, c.Box, flags,
            new FieldEvidence(c.LabelMatch, c.LabelledRow, c.ColumnCertain, c.Alternatives, c.EngineConfidence, t.FormatCertain, Glyphs: c.Glyphs)
                { BlankSeen = c.BlankSeen }, c.Readings);
    }
}
