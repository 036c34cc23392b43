using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class PageFoliosTests
{
    private static OcrWord W(string text, double x0, double y0, double x1, double y1) => new(text, new Box(x0, y0, x1, y1), 0.9, 0.9);

    // An A4 page at 300 dpi: 2480 x 3508 px.
    private const int Height = 3508, Dpi = 300;

    [Fact]
    public void A_page_number_below_the_text_is_dropped_as_read_however_garbled()
    {
        var body = W("行政许可", 300, 3000, 600, 3050);
        foreach (var folio in new[] { new[] { W("-", 400, 3300, 420, 3340), W("2", 440, 3300, 470, 3340), W("-", 490, 3300, 510, 3340) },
                     new[] { W(")", 400, 3300, 420, 3340), W("2", 440, 3300, 470, 3340), W("1", 490, 3300, 510, 3340) },
                     new[] { W("上", 400, 3300, 420, 3340), W("2", 440, 3300, 470, 3340), W("一", 490, 3300, 510, 3340) },
                     new[] { W("第2页", 1200, 3300, 1300, 3340) },
                     new[] { W("—12—", 1200, 3300, 1320, 3340) } })
        {
            var kept = PageFolios.Drop([body, .. folio], Height, Dpi, new OcrOptions());
            Assert.Equal([body], kept);
        }
    }

    [Fact]
    public void A_row_of_numbers_a_label_or_a_year_at_the_page_bottom_is_kept()
    {
        var body = W("正文", 300, 1000, 600, 1050);
        var options = new OcrOptions();
        // A table's row of values (wider than a page number), a label with its number, a year.
        var row = new[] { W("0", 1300, 3300, 1330, 3340), W("5", 1700, 3300, 1730, 3340), W("5", 2100, 3300, 2130, 3340) };
        Assert.Equal(4, PageFolios.Drop([body, .. row], Height, Dpi, options).Count);
        Assert.Equal(3, PageFolios.Drop([body, W("行政许可", 300, 3300, 600, 3340), W("550", 1300, 3300, 1390, 3340)], Height, Dpi, options).Count);
        Assert.Equal(2, PageFolios.Drop([body, W("2023", 1300, 3300, 1420, 3340)], Height, Dpi, options).Count);
        // A number in the middle of the page is no page number.
        Assert.Equal(2, PageFolios.Drop([body, W("2", 1300, 1700, 1330, 1740)], Height, Dpi, options).Count);
    }
}
