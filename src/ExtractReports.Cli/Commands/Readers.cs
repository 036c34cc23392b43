using System.CommandLine;
using ExtractReports.Pipeline;
using ExtractReports.Runs;

namespace ExtractReports.Cli.Commands;

/// <summary>The readers of every input kind, in the order they are asked. One line per reader.</summary>
public static class Readers
{
    /// <param name="ocrJobs">Documents read with OCR at once (0: one per processor).</param>
    /// <param name="afterOcrPage">Done after each page read with OCR (the batch commands give memory back: <see cref="BatchMemory"/>;
    /// they also end each Tesseract engine when its document is read, <see cref="ExtractReports.Pages.Ocr.OcrOptions.KeepIdleEngines"/>).</param>
    public static PipelineBuilder Configure(PipelineBuilder builder, string? tessdata, int ocrJobs = 0, Action? afterOcrPage = null)
    {
        // builder.UseReader(...) for each input kind:
        builder.UseReader(new ExtractReports.Lines.Html.HtmlLineReader());
        builder.UseReader(new ExtractReports.Lines.Docx.DocxLineReader());
        builder.UseReader(new ExtractReports.Lines.Pdf.PdfLineReader());
        builder.UseReader(ExtractReports.Native.NativeOcr.CreateScanReader(new ExtractReports.Pages.Ocr.OcrOptions { Tessdata = tessdata, MaxEngines = Math.Max(0, ocrJobs), KeepIdleEngines = afterOcrPage is null }, afterOcrPage));
        return builder;
    }

    /// <summary>
    /// `--ocr-jobs` of the batch commands. Default 1: a document under OCR holds a Tesseract engine and
    /// its page images (250-350 MB), so peak memory stays that of one scan however the scans of a batch
    /// fall together; the other workers go on with the documents that need no OCR.
    /// </summary>
    public static Option<int> OcrJobsOption() => new("--ocr-jobs")
    {
        Description = "Documents read with OCR at once (default 1; each needs 250-350 MB). Raise it on a machine with memory to spare and many scans.",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>
    /// What the batch commands (extract, crawl) do for memory: the C heap set up so that page images leave it when freed
    /// (<see cref="ExtractReports.Native.NativeHeap.Configure"/>), and everything freed given back after each page read
    /// with OCR and each heavy document (<see cref="MemoryRelease"/>).
    /// </summary>
    public static class BatchMemory
    {
        public static void Configure() => ExtractReports.Native.NativeHeap.Configure();
        public static void AfterOcrPage() => MemoryRelease.Release(ExtractReports.Native.NativeHeap.Trim);
    }
}
