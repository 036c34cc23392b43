using ExtractReports.CorpusGen.Model;
using static ExtractReports.Schema.ReportFormat;

namespace ExtractReports.CorpusGen.Text;

/// <summary>The text-dump corpus: every mangled form, both formats and the mixed case, three encodings.</summary>
public static class TextCorpus
{
    private enum Form { TabDropped, MarkdownCut, CellPerLine, Spaced, Pipe, Shredded, CleanTabs, Runs, RunsAmbiguous }

    private sealed record Doc(DocSpec Spec, Form Form, string Ext, string Encoding)
    {
        public T4Style T4 { get; init; } = T4Style.OneRow;
        public int KeepRows { get; init; }
    }

    private static IEnumerable<Doc> Docs()
    {
        var mixed = (F2021, F2019);
        yield return new(new("text-01-tabdrop-2021", F2021, F2021, 101), Form.TabDropped, "txt", "utf8");
        yield return new(new("text-02-tabdrop-2019", F2019, F2019, 102) { Scale = Scale.Medium }, Form.TabDropped, "txt", "gbk");
        yield return new(new("text-03-tabdrop-mixed", mixed.F2021, mixed.F2019, 103) { Scale = Scale.Medium }, Form.TabDropped, "txt", "utf8bom");
        yield return new(new("text-04-mdcut-2019", F2019, F2019, 104), Form.MarkdownCut, "md", "utf8") { KeepRows = 18 };
        yield return new(new("text-05-mdcut-2021", F2021, F2021, 105) { Scale = Scale.Medium }, Form.MarkdownCut, "md", "gbk") { KeepRows = 13 };
        yield return new(new("text-06-cellline-2021-blanks", F2021, F2021, 106) { Blanks = Blanks.Empty }, Form.CellPerLine, "txt", "utf8");
        yield return new(new("text-07-cellline-2019", F2019, F2019, 107) { Scale = Scale.Medium }, Form.CellPerLine, "txt", "utf8bom");
        yield return new(new("text-08-cellline-mixed-dashes", F2021, F2019, 108) { Blanks = Blanks.Dash }, Form.CellPerLine, "txt", "gbk");
        yield return new(new("text-09-spaced-2021", F2021, F2021, 109) { Scale = Scale.Medium }, Form.Spaced, "txt", "utf8");
        yield return new(new("text-10-spaced-mixed", F2021, F2019, 110), Form.Spaced, "txt", "gbk");
        yield return new(new("text-11-spaced-2021-rowtotal-broken", F2021, F2021, 111) { Scale = Scale.Medium, Inconsistency = Inconsistency.T3RowTotal }, Form.Spaced, "txt", "utf8bom");
        yield return new(new("text-12-pipe-2021-sentence", F2021, F2021, 112) { SentenceCell = true }, Form.Pipe, "txt", "utf8");
        yield return new(new("text-13-pipe-2019-notes", F2019, F2019, 113) { Notes = true, Scale = Scale.Medium }, Form.Pipe, "txt", "gbk");
        yield return new(new("text-14-pipe-mixed-large", F2021, F2019, 114) { Scale = Scale.Large }, Form.Pipe, "txt", "utf8");
        yield return new(new("text-15-shredded-2024", F2021, F2021, 115) { Year = 2024 }, Form.Shredded, "md", "utf8");
        yield return new(new("text-16-shredded-2022", F2021, F2021, 116) { Scale = Scale.Medium, Year = 2022 }, Form.Shredded, "md", "utf8bom");
        yield return new(new("text-17-shredded-mixed", F2021, F2019, 117) { Scale = Scale.Medium }, Form.Shredded, "md", "gbk");
        yield return new(new("text-18-t4line-2021-notes", F2021, F2021, 118) { Notes = true }, Form.CleanTabs, "txt", "utf8") { T4 = T4Style.OneLineSpaces };
        yield return new(new("text-19-t4blocks-2019", F2019, F2019, 119) { Scale = Scale.Medium }, Form.CleanTabs, "txt", "gbk") { T4 = T4Style.ThreeBlocks };
        yield return new(new("text-20-t4blocks-2021-t4total-broken", F2021, F2021, 120) { Inconsistency = Inconsistency.T4Total }, Form.CleanTabs, "txt", "utf8") { T4 = T4Style.ThreeBlocks };
        yield return new(new("text-21-runs-2019", F2019, F2019, 121) { SingleDigitT4 = true }, Form.Runs, "txt", "utf8");
        yield return new(new("text-22-runs-2021", F2021, F2021, 122) { Scale = Scale.Medium, SingleDigitT4 = true }, Form.Runs, "txt", "utf8");
        yield return new(new("text-23-runs-2023-large", F2021, F2021, 123) { Scale = Scale.Large, Year = 2023, SingleDigitT4 = true }, Form.Runs, "txt", "utf8bom");
        yield return new(new("text-24-runs-mixed-ambiguous", F2021, F2019, 124) { Scale = Scale.Medium, SingleDigitT4 = true, AmbiguousPair = true }, Form.RunsAmbiguous, "txt", "utf8");
        yield return new(new("text-25-runs-2020-ambiguous", F2019, F2019, 125) { Scale = Scale.Small, Year = 2020, SingleDigitT4 = true, AmbiguousPair = true }, Form.RunsAmbiguous, "txt", "gbk");
        yield return new(new("text-26-tabdrop-2020-column-broken", F2019, F2019, 126) { Year = 2020, Inconsistency = Inconsistency.T3Column }, Form.TabDropped, "txt", "gbk");
        yield return new(new("text-27-cellline-2022-large", F2021, F2021, 127) { Scale = Scale.Large, Year = 2022 }, Form.CellPerLine, "txt", "utf8");
        yield return new(new("text-28-tabdrop-2023-t4blocks", F2021, F2021, 128) { Year = 2023, Scale = Scale.Medium }, Form.TabDropped, "txt", "utf8bom") { T4 = T4Style.ThreeBlocks };
    }

    public static void Write(string corpusRoot)
    {
        var writer = new CorpusWriter(Path.Combine(corpusRoot, "text"));
        foreach (var doc in Docs())
        {
            var report = ReportGenerator.Generate(doc.Spec);
            var rng = new Random(doc.Spec.Seed * 7919);
            var rendered = doc.Form switch
            {
                Form.TabDropped => TextForms.TabDropped(report, rng, doc.T4),
                Form.MarkdownCut => TextForms.MarkdownCut(report, rng, doc.KeepRows),
                Form.CellPerLine => TextForms.CellPerLine(report, rng),
                Form.Spaced => TextForms.SpacedLabels(report, rng, doc.T4),
                Form.Pipe => TextForms.PipeCells(report, rng),
                Form.Shredded => TextForms.Shredded(report, rng),
                Form.CleanTabs => TextForms.CleanTabs(report, rng, doc.T4),
                Form.Runs => TextForms.RunTogether(report, rng, false),
                _ => TextForms.RunTogether(report, rng, true),
            };
            writer.WriteFile($"{doc.Spec.Name}.{doc.Ext}", CorpusWriter.Encode(rendered.Text, doc.Encoding));
            writer.AddTruth(doc.Spec.Name, report, rendered.Absent, $"{doc.Form}, {doc.Encoding}", rendered.Notes);
        }
        writer.Finish("Text-dump corpus",
            "Each document imitates one mangled form of corpus/seeds and ../shared/real (tab rows with dropped cells, "
            + "markdown cut off mid-table, one cell per line, spaced-out labels, pipe cells, shredded markdown, "
            + "table 四 on one line or in three blocks, digits run together). Encodings: UTF-8, UTF-8 with BOM, GBK.");
    }
}
