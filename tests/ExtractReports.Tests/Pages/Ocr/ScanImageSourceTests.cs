using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class ScanImageSourceTests
{
    private const string Header =
        "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio\n" +
        "--------------------------------------------------------------------------------------------\n";

    [Fact]
    public void One_full_page_image_per_page_is_extracted_as_stored()
    {
        var listing = Header +
            "   1     0 image    1654  2339  gray    1   8  jpeg   no         9  0   200   200  229K 1.9%\n" +
            "   2     1 image    1654  2339  gray    1   8  jpeg   no        12  0   200   200  216K 1.8%\n";
        Assert.Equal([new(0, 200, false), new(1, 200, false)], ScanImageSource.PageImages(listing, 2, 595.3));
    }

    [Fact]
    public void A_page_without_an_image_or_with_a_small_one_means_rendering()
    {
        var missing = Header + "   1     0 image    1654  2339  gray    1   8  jpeg   no         9  0   200   200  229K 1.9%\n";
        Assert.Null(ScanImageSource.PageImages(missing, 2, 595.3));
        var logo = Header + "   1     0 image     300   300  rgb     3   8  jpeg   no         9  0   300   300  20K 1.9%\n";
        Assert.Null(ScanImageSource.PageImages(logo, 1, 595.3));
    }

    [Fact]
    public void Soft_masks_do_not_count_as_page_images()
    {
        var listing = Header +
            "   1     0 image    2480  3508  rgb     3   8  jpeg   no         9  0   300   300  229K 1.9%\n" +
            "   1     1 smask    2480  3508  gray    1   8  image  no         9  0   300   300  20K 1.9%\n";
        Assert.Equal([new ScanImageSource.PageImage(0, 300, false)], ScanImageSource.PageImages(listing, 1, 595.3));
    }

    [Fact]
    public void Black_and_white_page_images_are_rendered_at_their_own_resolution()
    {
        // Leptonica and many scanners write a G4 page as a stencil mask; pdfimages writes its bits without their
        // polarity, and a CCITT stream it writes raw.
        var listing = Header +
            "   1     0 stencil  1241  1754  -       1   1  ccitt  yes        6  0   150   150 22.3K 8.4%\n" +
            "   2     1 image    1654  2339  gray    1   1  ccitt  no         9  0   200   200 30K 1.9%\n" +
            "   3     2 image    1654  2339  gray    1   8  jpeg   no        12  0   200   200 229K 1.9%\n";
        Assert.Equal([new(0, 150, true), new(1, 200, true), new(2, 200, false)], ScanImageSource.PageImages(listing, 3, 595.3));
    }
}
