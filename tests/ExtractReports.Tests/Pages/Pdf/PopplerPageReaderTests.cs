using ExtractReports.Pages;
using ExtractReports.Pages.Pdf;
using ExtractReports.Pages.Rulings;

namespace ExtractReports.Tests.Pages.Pdf;

public sealed class PopplerPageReaderTests
{
    [Fact]
    public void Parses_pdftotext_tsv_into_pages_and_words()
    {
        var tsv = string.Join("\n",
            "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###",
            "4\t1\t0\t0\t0\t0\t10\t20\t30\t12\t-1\t###LINE###",
            "5\t1\t0\t0\t0\t0\t10.5\t20\t30\t12\t100\t信息内容",
            "1\t2\t0\t0\t0\t0\t0.000000\t0.000000\t842.000000\t595.000000\t-1\t###PAGE###",
            "1\t3\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###",
            "5\t3\t0\t0\t0\t0\t700\t2\t30\t12\t100\t21");
        var pages = PopplerPageReader.ParseTsv(tsv).Select(p => p.Page).ToList();
        Assert.Equal([1, 2, 3], pages.Select(p => p.Number));
        Assert.Equal(new Word("信息内容", new Box(10.5, 20, 40.5, 32)), Assert.Single(pages[0].Words));
        Assert.Equal((595, 842), (pages[0].Width, pages[0].Height));
        Assert.Empty(pages[1].Words);
        Assert.Equal((842, 595), (pages[1].Width, pages[1].Height));
        // pdftotext gives the unrotated size and displayed boxes: a word at x 700 on a page 595 wide
        // shows the page is displayed turned a quarter (/Rotate 90 or 270), 842 wide.
        Assert.Equal("21", Assert.Single(pages[2].Words).Text);
        Assert.Equal((842, 595), (pages[2].Width, pages[2].Height));
    }

    [Fact]
    public void The_displayed_size_follows_the_words_and_stays_unrotated_when_they_fit_either_way()
    {
        Word At(double x, double y) => new("字", new Box(x, y, x + 10, y + 10));
        Assert.Equal((595, 842), PopplerPageReader.DisplayedSize(595, 842, [At(50, 800)])); // below 595: upright
        Assert.Equal((842, 595), PopplerPageReader.DisplayedSize(595, 842, [At(800, 50)])); // right of 595: turned
        Assert.Equal((595, 842), PopplerPageReader.DisplayedSize(595, 842, [At(50, 50)]));  // either way: as given
        Assert.Equal((595, 842), PopplerPageReader.DisplayedSize(595, 842, []));
    }

    [Fact]
    public void Encryption_is_seen_in_the_trailer()
    {
        Assert.True(PopplerPageReader.IsEncrypted("%PDF-1.4\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R >>\n"u8.ToArray()));
        Assert.False(PopplerPageReader.IsEncrypted("%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\n"u8.ToArray()));
    }

    [Fact]
    public void Parses_concatenated_pgm_images()
    {
        byte[] one = [.. "P5\n2 1\n255\n"u8, 0, 255];
        byte[] two = [.. "P5\n# comment\n1 2\n255\n"u8, 7, 9];
        var images = PopplerPageReader.ParsePgm([.. one, .. two]);
        Assert.Equal(2, images.Count);
        Assert.Equal((2, 1, (byte)0, (byte)255), (images[0].Width, images[0].Height, images[0][0, 0], images[0][1, 0]));
        Assert.Equal((byte)9, images[1][0, 1]);
    }

    [Fact]
    public void Counts_numbers_standing_in_columns_to_pick_table_pages()
    {
        Word W(string t, double x, double y) => new(t, new Box(x, y, x + 6 * t.Length, y + 10));
        // A table row: label, then numbers two em apart.
        Assert.Equal(3, PopplerPageReader.TableNumbers([W("规章", 0, 0), W("0", 100, 0), W("5", 130, 0), W("12", 160, 0)]));
        // Prose: numbers next to their words.
        Assert.Equal(0, PopplerPageReader.TableNumbers([W("自", 0, 0), W("2023", 8, 0), W("年", 35, 0), W("1", 43, 0), W("月", 51, 0)]));
    }

    [PopplerFact("hzq2023_working.pdf")]
    public void Reads_a_real_report_with_rulings_on_its_table_pages_only()
    {
        var reader = new PopplerPageReader(new PdfOptions());
        var pdf = File.ReadAllBytes(Path.Combine(TestPaths.SharedReal, "hzq2023_working.pdf"));
        var words = reader.ReadWords(pdf, default);
        Assert.All(words.Pages, p => Assert.Empty(p.Rulings));
        var read = reader.AddRulings(pdf, words, null, default);
        Assert.Equal(5, read.Pages.Count);
        Assert.False(read.Encrypted);
        Assert.All(read.Pages, p => Assert.Equal((595, 842), (p.Width, p.Height)));
        Assert.Contains(read.Pages[2].Words, w => w.Text == "7730.28");
        Assert.Empty(read.Pages[0].Rulings); // prose only (dates and counts inside sentences): not rendered
        Assert.True(read.Pages[2].Rulings.Count > 20);
        // Table 三's outer left border on page 3 runs from its header to the page's end.
        Assert.Contains(read.Pages[2].Rulings, r => !r.IsHorizontal && Math.Abs(r.Box.CenterX - 77) < 2 && r.Box.Height > 400);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new PopplerPageReader(new PdfOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new PopplerPageReader(new PdfOptions { RulingDpi = 5 }));
    }
}
