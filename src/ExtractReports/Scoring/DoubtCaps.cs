using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>
/// Upper bounds on a field's confidence that the table reader's own doubt sets, whatever the model
/// says. The model learns from the fields that have truth, and our corpus has few cells of the
/// kinds these cover (a dropped cell leaving two placements, a row found with its value not), so a
/// fitted model can score them as sure (measured 2026-12-03: ambiguous cells of damaged random
/// reports at 1.000 under the refitted model). Each bound is what the reader knows:
/// <list type="bullet">
/// <item>a cell with n readings the identities cannot tell apart is one of n: at most 1/n
/// (DESIGN and issue 10: "ambiguous with low confidence, never 0.95");</item>
/// <item>a field whose row was found by its label but whose value was not is at most
/// <see cref="MissingInFoundRow"/>: the row printed something, or printed it blank, and the
/// reader could not tell which.</item>
/// <item>a field in an identity that does not hold (and that the checks did not put down to the
/// report's own arithmetic) is at most <see cref="InBrokenIdentity"/>: one of the cells it adds is
/// wrong, and the identity alone cannot say which (measured 2026-12-03: an OCR'd 0 read as 7 in a
/// row that no longer added up, at 0.97 under the model);</item>
/// <item>a sentence read by OCR is at most <see cref="OcrSentence"/>: one stray glyph in a long
/// line makes it wrong, and nothing checks a sentence as the identities check a number.</item>
/// <item>an agency or year read from the sentence in which the report names itself, or a year the
/// prose mentions most, is at most <see cref="MetaFromProse"/>: it has no title's place, and the
/// field mapper promises it below the review threshold (measured 2026-12-03: an OCR'd 苑湖市 for
/// 芜湖市 and a prose year 2041 for 2020, both at 0.985 in the class scans).</item>
/// <item>a format read from one of tables 二 and 三 only is at most <see cref="FormatFromOneTable"/>:
/// the table not read may be of the other format (a mixed report).</item>
/// <item>an agency or year read by OCR from a title that the rest of the report does not confirm (flag
/// <c>title_unconfirmed</c>: the report names its agency and states its year again, read apart) is at most
/// <see cref="UnconfirmedOcrTitle"/>: one glyph misread in a title reads at the engine's full confidence (measured
/// 2026-12-03 on the scan-conditions matrix: 昆都仓, 德清具 and a year 2022 for 2023 at 0.97-1).</item>
/// <item>a field missing from a table of which other fields were read (its row not found) is at most
/// <see cref="MissingInReadTable"/>: the row may be printed and not found, or not printed, and the reader
/// cannot tell which. Every such field with truth in the training set (2026-12-03: 128 in scans, none in
/// the other kinds, which never miss a row) was wrong, and a model fitted without scans never sees one
/// (models/README.md, leave one kind out).</item>
/// </list>
/// A field of a table the document does not print at all is not bounded here.
/// </summary>
public static class DoubtCaps
{
    /// <summary>The bound for a field missing from a row that was found by its label.</summary>
    public const double MissingInFoundRow = 0.3;

    /// <summary>The bound for a field in an identity that does not hold.</summary>
    public const double InBrokenIdentity = 0.5;

    /// <summary>The bound for a sentence read by OCR.</summary>
    public const double OcrSentence = 0.5;

    /// <summary>The bound for meta read from a naming sentence or the prose rather than a title.</summary>
    public const double MetaFromProse = 0.7;

    /// <summary>The bound for a report format read from one of the two tables that show it, or from a table whose rows fit
    /// both formats nearly as well.</summary>
    public const double FormatFromOneTable = 0.7;

    /// <summary>The bound for an agency or year of an OCR'd title that the rest of the report does not confirm.</summary>
    public const double UnconfirmedOcrTitle = 0.7;

    /// <summary>The bound for a field missing from a table other fields of which were read.</summary>
    public const double MissingInReadTable = 0.3;

    public static double Bound(FieldValue field)
    {
        var e = field.Features;
        double bound = 1;
        if (e.IdentitiesBroken > 0 && !e.SourceInconsistency) bound = Math.Min(bound, InBrokenIdentity);
        if (field.Status == FieldStatus.Text && e.FromOcr) bound = Math.Min(bound, OcrSentence);
        if (e.Alternatives > 1) bound = Math.Min(bound, 1.0 / e.Alternatives);
        if (field.Status == FieldStatus.Missing && e.LabelledRow && e.LabelMatch > 0) bound = Math.Min(bound, MissingInFoundRow);
        if (field.Flags.Contains("from_naming_sentence") || field.Flags.Contains("from_prose_years")) bound = Math.Min(bound, MetaFromProse);
        if (field.Flags.Contains("format_from_one_table") || field.Flags.Contains("table_format_uncertain")) bound = Math.Min(bound, FormatFromOneTable);
        if (e.FromOcr && field.Flags.Contains("title_unconfirmed")) bound = Math.Min(bound, UnconfirmedOcrTitle);
        return bound;
    }

    /// <summary>The bound of each field of one document: its own <see cref="Bound"/>, and <see cref="MissingInReadTable"/>
    /// for a field missing from a table of which some field holds a value (read, blank, inferred or a sentence).</summary>
    public static double[] Bounds(IReadOnlyList<FieldValue> fields)
    {
        var read = new ReadTables(fields);
        var bounds = new double[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            bounds[i] = Bound(fields[i]);
            if (read.MissingFrom(fields[i]) && !fields[i].FieldId.StartsWith("meta.", StringComparison.Ordinal))
                bounds[i] = Math.Min(bounds[i], MissingInReadTable);
        }
        return bounds;
    }

    /// <summary>Bounds each confidence of <paramref name="confidences"/> by its field's bound (<see cref="Bounds"/>), in place.</summary>
    public static double[] Apply(IReadOnlyList<FieldValue> fields, double[] confidences)
    {
        var bounds = Bounds(fields);
        for (int i = 0; i < fields.Count; i++) confidences[i] = Math.Min(confidences[i], bounds[i]);
        return confidences;
    }
}
