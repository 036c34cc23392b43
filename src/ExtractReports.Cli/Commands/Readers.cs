using ExtractReports.Pipeline;

namespace ExtractReports.Cli.Commands;

/// <summary>The readers of every input kind, in the order they are asked. One line per reader.</summary>
public static class Readers
{
    public static PipelineBuilder Configure(PipelineBuilder builder, string? tessdata)
    {
        // builder.UseReader(...) for each input kind:
        builder.UseReader(new ExtractReports.Lines.Html.HtmlLineReader());
        builder.UseReader(new ExtractReports.Lines.Docx.DocxLineReader());
        builder.UseReader(new ExtractReports.Lines.Pdf.PdfLineReader());
        builder.UseReader(ExtractReports.Native.NativeOcr.CreateScanReader(new ExtractReports.Pages.Ocr.OcrOptions { Tessdata = tessdata }));
        return builder;
    }
}
