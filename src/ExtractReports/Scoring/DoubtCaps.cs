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
/// the table not read may be of the other format (a mixed report). So is one read by OCR from a table whose format its
/// reader could not tell apart (flag <c>format_uncertain</c>): hzq2023_working at 200 dpi bilevel gave `2021` for its mixed
/// format at confidence 1 with both tables read (2026-12-03, scan-conditions matrix; that its table 二's format was the
/// uncertain one is the likely cause, not checked on that scan). From a text layer, a `mixed` so read: the tables disagree
/// only by the guess (random damaged reports, 2026-12-04: a 2019 dump whose table 三 lost the label of the one row the
/// forms differ in read `mixed` at 1.0). A guess that agrees with the other table is that table's format (table 三's
/// reader falls back on table 二's), as sure as a text layer's table 二 (../shared/real's pages that print table 三's
/// first rows only: right at 1.0).</item>
/// <item>an agency or year read by OCR from a title that the rest of the report does not confirm (flag
/// <c>title_unconfirmed</c>: the report names its agency and states its year again, read apart) is at most
/// <see cref="UnconfirmedOcrTitle"/>: one glyph misread in a title reads at the engine's full confidence (measured
/// 2026-12-03 on the scan-conditions matrix: 昆都仓, 德清具 and a year 2022 for 2023 at 0.97-1).</item>
/// <item>a field missing from a table of which other fields were read (its row not found) is at most
/// <see cref="MissingInReadTable"/>: the row may be printed and not found, or not printed, and the reader
/// cannot tell which. Every such field with truth in the training set (2026-12-03: 128 in scans, none in
/// the other kinds, which never miss a row) was wrong, and a model fitted without scans never sees one
/// (models/README.md, leave one kind out).</item>
/// <item>a field missing from a table the document shows it printed (its section heading or two of its labels
/// seen, <see cref="Tables.PrintedTables"/>) of which no value was read (flag <c>table_not_read</c>) is at most
/// <see cref="MissingFromUnreadTable"/>: the reader failed on a printed table (measured 2026-12-03: 45 such fields of
/// bilevel scans, all wrong, at >= 0.9 under a model fitted without scans).</item>
/// <item>an agency or year not found (status missing) is at most <see cref="MissingMeta"/>: every report names
/// its agency and year, so none found is more likely a title the reader could not read than a report without one
/// (measured 2026-12-03: 5 such fields with truth, all wrong, all at 1.000 under a model fitted without scans;
/// the pages that do not name their agency have no truth and go to review, where the agency is filled in).</item>
/// <item>a table value the reader itself read at confidence at most <see cref="BarelyReadConfidence"/> (its engine
/// confidence, or its least sure glyph) is at most <see cref="BarelyRead"/>: the reader nearly gave up on it, and a
/// text layer's value is never so (measured 2026-12-03 on the training documents and held-out seeds: 30 right and 8 wrong
/// such values, all OCR'd).</item>
/// <item>a blank read by OCR that the reader did not see blank is at most <see cref="UnseenOcrBlank"/>: no cell was
/// looked at and seen empty (text ink and the page as scanned) for it, because the grid never had its cell (its row's
/// values placed by position, the rest taken as blank) or its row's digits were never found (its label alone reads as a
/// row printed blank). Measured 2026-12-03 on the scan-conditions matrix (held-out part): 12 printed 0s and 1s read
/// blank so, at 0.995-1. A placeholder read (—, 无) and a ruled cell seen empty are evidence, and keep their confidence.</item>
/// <item>a value read by OCR whose cell reader left it doubtful (<see cref="ExtractReports.Lines.GlyphEvidence.ReadsAgree"/>
/// false: its reads disagreed, or its glyphs' shapes, sign or count refute it or corrected it) and that no identity
/// confirms (none it takes part in holds) is at most <see cref="DoubtfulOcrRead"/>: the model does not learn the reader's
/// cap from its features (measured 2026-12-03 on the scan-conditions matrix, tuned part: -1 read -41 with engine
/// confidence 0.40 and -1 read 1 with 0.08, both scored 0.985 by the model in table 二, which has no identity). A doubtful
/// read in a row and column whose identities hold (a 4 corrected to 1 by its glyph's shape) keeps the model's confidence.</item>
/// <item>a table value read by OCR whose column is not sure (<see cref="FieldEvidence.ColumnCertain"/> false: its row
/// held more or fewer values than columns, or a value was put by its position rather than read in a cell of the row)
/// and that no identity across rows confirms (<see cref="FieldEvidence.ColumnIdentitiesHeld"/>: table 三's column sums;
/// table 四 has none) is at most <see cref="PlacementInDoubt"/>: a row's own sum holds whichever of its parts holds which
/// value, so it confirms the values and not their columns (measured 2026-12-03 on the scan-conditions matrix, held-out
/// part: a table 四 row's 0 and 2 exchanged between 维持 and 尚未审结 at 0.985 and 1, its 总计 unchanged).</item>
/// <item>a table 三 value read by OCR whose row was placed by its order alone (flag <c>label_unconfirmed</c>: the row's own
/// label, read as garbage, names no row) is at most <see cref="PlacedByOrder"/>: its place is as sure as the count of rows
/// between the rows whose labels read, which a row lost and a stray line in the same stretch break unseen, and the identities
/// do not check a row's place among the result rows ((七)总计 is their sum in any order), so none lifts it.</item>
/// </list>
/// A field of a table the document shows no sign of printing (a page cut after table 二, a page image of table 三
/// alone) is not bounded here: it is rightly missing.
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

    /// <summary>The bound for a field missing from a table printed (by its heading or labels) of which nothing was read.</summary>
    public const double MissingFromUnreadTable = 0.3;

    /// <summary>The bound for an agency or year not found.</summary>
    public const double MissingMeta = 0.3;

    /// <summary>The reader's confidence at or below which a value is barely read.</summary>
    public const double BarelyReadConfidence = 0.1;

    /// <summary>The bound for a value barely read (about the share of such values that were right: 30 of 38).</summary>
    public const double BarelyRead = 0.8;

    /// <summary>The bound for a value read by OCR that its cell reader left doubtful.</summary>
    public const double DoubtfulOcrRead = 0.5;

    /// <summary>The bound for a value read by OCR whose column no cell of its row and no identity across rows makes sure.</summary>
    public const double PlacementInDoubt = 0.7;

    /// <summary>The bound for a table value read by OCR in a row placed by its order alone.</summary>
    public const double PlacedByOrder = 0.7;

    /// <summary>The bound for a blank read by OCR that no cell seen empty stands for.</summary>
    public const double UnseenOcrBlank = 0.7;

    public static double Bound(FieldValue field)
    {
        var e = field.Features;
        bool tableValue = !field.FieldId.StartsWith("meta.", StringComparison.Ordinal);
        double bound = 1;
        if (e.IdentitiesBroken > 0 && !e.SourceInconsistency) bound = Math.Min(bound, InBrokenIdentity);
        if (field.Status == FieldStatus.Text && e.FromOcr) bound = Math.Min(bound, OcrSentence);
        if (e.Alternatives > 1) bound = Math.Min(bound, 1.0 / e.Alternatives);
        if (field.Status == FieldStatus.Missing && e.LabelledRow && e.LabelMatch > 0) bound = Math.Min(bound, MissingInFoundRow);
        if (field.Flags.Contains("from_naming_sentence") || field.Flags.Contains("from_prose_years")) bound = Math.Min(bound, MetaFromProse);
        if (field.Flags.Contains("format_from_one_table")) bound = Math.Min(bound, FormatFromOneTable);
        if (field.FieldId == "meta.format" && field.Flags.Contains("format_uncertain") && (e.FromOcr || field.Value == "mixed"))
            bound = Math.Min(bound, FormatFromOneTable);
        if (e.FromOcr && field.Flags.Contains("title_unconfirmed")) bound = Math.Min(bound, UnconfirmedOcrTitle);
        if (ReadTables.IsMissing(field) && field.Flags.Contains(FieldMapper.TableNotRead)) bound = Math.Min(bound, MissingFromUnreadTable);
        if (ReadTables.IsMissing(field) && field.FieldId is "meta.agency" or "meta.year") bound = Math.Min(bound, MissingMeta);
        if (field.Status == FieldStatus.Ok && tableValue
            && Math.Min(e.EngineConfidence, e.Glyphs?.LeastGlyphConfidence ?? 1) <= BarelyReadConfidence)
            bound = Math.Min(bound, BarelyRead);
        if (e.FromOcr && field.Status == FieldStatus.Blank && !e.BlankSeen) bound = Math.Min(bound, UnseenOcrBlank);
        if (e.FromOcr && field.Status == FieldStatus.Ok && e.Glyphs is { ReadsAgree: false } && e.IdentitiesHeld == 0) bound = Math.Min(bound, DoubtfulOcrRead);
        if (e.FromOcr && field.Status == FieldStatus.Ok && tableValue && !e.ColumnCertain && e.ColumnIdentitiesHeld == 0)
            bound = Math.Min(bound, PlacementInDoubt);
        if (e.FromOcr && tableValue && field.Flags.Contains(Tables.CellAssembler.LabelUnconfirmed)) bound = Math.Min(bound, PlacedByOrder);
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
