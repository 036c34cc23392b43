using ExtractReports.Schema;

namespace ExtractReports.CorpusGen.Model;

/// <summary>
/// One generated annual report: who issued it, which format each table follows, and for every
/// numeric field both the cell text as printed and the truth value (DESIGN.md's value rules).
/// Renderers only decide how the same report looks; they never change its values.
/// </summary>
public sealed class Report
{
    public required string Agency { get; init; }
    /// <summary>Other names a reader may legitimately give (short forms used in the title).</summary>
    public IReadOnlyList<string> AgencyAlternatives { get; init; } = [];
    public required int Year { get; init; }
    public required ReportFormat T2Format { get; init; }
    public required ReportFormat T3Format { get; init; }
    public string FormatName => T2Format == T3Format ? T2Format.Name() : "mixed";

    /// <summary>Cell text as the source prints it ("" for a blank cell).</summary>
    public Dictionary<string, string> Printed { get; } = new();
    /// <summary>The value a correct extraction gives for the field.</summary>
    public Dictionary<string, string> Truth { get; } = new();
    /// <summary>Identities the source itself breaks (printed so), described for people.</summary>
    public List<string> SourceInconsistencies { get; } = [];

    public required string Title { get; init; }
    public required string PublishDate { get; init; }
    public required string Publisher { get; init; }
    public required IReadOnlyList<string> Narrative { get; init; }
    public required IReadOnlyList<string> Closing { get; init; }

    /// <summary>Rows of table 三 the source does not print (an older template, a row cut): their fields have no truth.</summary>
    public IReadOnlySet<string> OmittedT3Rows { get; set; } = new HashSet<string>();
    /// <summary>A row of table 二 that is not in the schema (`其他主动公开文件`), printed after the 规范性文件 row.</summary>
    public (string Label, IReadOnlyList<string> Cells)? ExtraT2Row { get; set; }
    /// <summary>The page ends after table 二 (a cut page): tables 三 and 四 are not printed and have no truth.</summary>
    public bool CutAfterT2 { get; set; }

    /// <summary>Fields the source does not print, which therefore have no truth.</summary>
    public IReadOnlySet<string> Unprinted => FieldsOf("t3").Where(f => CutAfterT2 || OmittedT3Rows.Contains(f.Id[..f.Id.LastIndexOf('.')]))
        .Concat(CutAfterT2 ? FieldsOf("t4") : []).Select(f => f.Id).ToHashSet();

    public string P(string field) => Printed[field];

    /// <summary>Sets a plain value: printed and truth agree.</summary>
    public void Set(string field, string value)
    {
        if (!StandardSchema.Default.Contains(field)) throw new InvalidOperationException($"unknown field {field}");
        Printed[field] = value;
        Truth[field] = value;
    }

    public void Set(string field, string printed, string truth)
    {
        if (!StandardSchema.Default.Contains(field)) throw new InvalidOperationException($"unknown field {field}");
        Printed[field] = printed;
        Truth[field] = truth;
    }

    public IEnumerable<FieldDefinition> FieldsOf(string table) => table switch
    {
        "t2" => StandardSchema.Default.For("t2", T2Format),
        "t3" => StandardSchema.Default.For("t3", T3Format),
        _ => StandardSchema.Default.For(table, ReportFormat.F2021),
    };

    /// <summary>Truth rows in schema order, leaving out the fields the rendering cut off.</summary>
    public IEnumerable<(string Field, string Value)> TruthRows(IReadOnlySet<string> absent)
    {
        var agency = string.Join("|", new[] { Agency }.Concat(AgencyAlternatives));
        yield return ("meta.agency", agency);
        yield return ("meta.year", Year.ToString());
        yield return ("meta.format", FormatName);
        foreach (var table in new[] { "t2", "t3", "t4" })
            foreach (var f in FieldsOf(table))
                if (!absent.Contains(f.Id)) yield return (f.Id, Truth[f.Id]);
    }
}
