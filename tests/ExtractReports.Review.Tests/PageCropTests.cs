using ExtractReports.Cli.Commands;
using ExtractReports.Native.Leptonica;
using ExtractReports.Native.Tesseract;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;
using ExtractReports.Pipeline;

namespace ExtractReports.Review.Tests;

/// <summary>The crop a reviewer sees shows the field's cell, also on a page that was scanned lying sideways.</summary>
public class PageCropTests
{
    [Fact]
    public void A_page_scanned_sideways_is_cropped_turned_upright_as_it_was_read()
    {
        using var folder = new ReviewFolder();
        var imaging = new LeptonicaImaging();
        var upright = imaging.Decode(File.ReadAllBytes(Path.Combine(ReviewFolder.Root, "corpus", "scan", "img-01-2021-table-page.png")))[0];
        var path = Path.Combine(folder.Dir, "sideways.png");
        File.WriteAllBytes(path, LeptonicaPng.Encode(PageOrientation.Turn(upright, 90)));
        var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), null).Build();

        var result = pipeline.Run(path);

        Assert.Equal([90], result.PageTurns!);
        // A sure count of several digits with its place on the page: it must be legible in the crop, inside the box drawn.
        var field = result.Fields.Select(f => f.Field)
            .First(f => f.Box is not null && f.Value is { Length: >= 2 } v && v.All(char.IsAsciiDigit));
        var (png, view) = new PageCrops(new ReviewServerOptions { OutputFolder = folder.Dir }).Crop(result, field.FieldId);
        Assert.NotNull(png);
        var crop = imaging.Decode(png!)[0];
        // The cell's box, inside its ruling lines.
        const int inset = 6;
        var box = new Box(view.Left * crop.Width + inset, view.Top * crop.Height + inset,
            (view.Left + view.Width) * crop.Width - inset, (view.Top + view.Height) * crop.Height - inset);
        using var engine = TesseractOcrEngine.Create(new OcrOptions());
        engine.SetImage(crop);
        Assert.Equal(field.Value, string.Concat(engine.Read(box, OcrMode.Number).Words.Select(w => w.Text)));
    }
}
