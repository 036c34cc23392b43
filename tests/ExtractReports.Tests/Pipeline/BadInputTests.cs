using System.Text;
using ExtractReports.Pipeline;

namespace ExtractReports.Tests.Pipeline;

public class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-bad-").FullName;
    // Every reader the program uses, so each bad input meets the reader that claims it.
    private readonly ExtractPipeline _pipeline = ExtractReports.Cli.Commands.Readers.Configure(PipelineBuilder.CreateDefault(), null).Build();

    private DocumentResult Run(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return _pipeline.Run(path);
    }

    [Fact]
    public void Empty_file_is_an_error_row_with_a_message()
    {
        var r = Run("empty.txt", []);
        Assert.Equal(DocumentStatus.Error, r.Status);
        Assert.Contains("empty", r.Message);
        Assert.Empty(r.Fields);
    }

    [Fact]
    public void Binary_junk_is_an_error_row()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        var r = Run("junk.txt", junk);
        Assert.Equal(DocumentStatus.Error, r.Status);
        Assert.NotEmpty(r.Message);
    }

    [Fact]
    public void A_text_that_is_not_an_annual_report_is_not_a_report()
    {
        var r = Run("recipe.txt", Encoding.UTF8.GetBytes("红烧肉做法\n五花肉500克，冰糖30克。\n先焯水，再炒糖色。"));
        Assert.Equal(DocumentStatus.NotAReport, r.Status);
        Assert.Contains("年度报告", r.Message);
    }

    [Fact]
    public void Undecodable_text_is_an_error_naming_the_encodings_tried()
    {
        var r = Run("latin.txt", Encoding.Latin1.GetBytes("Ã©tÃ© rÃ©sumÃ© naÃ¯ve ÿþ ÀÁÂ"));
        Assert.Equal(DocumentStatus.Error, r.Status);
        Assert.Contains("UTF-8", r.Message);
    }

    [Fact]
    public void Old_binary_word_files_name_a_converter()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7 };
        var r = Run("report.doc", ole);
        Assert.Equal(DocumentStatus.Error, r.Status);
        Assert.Contains("libreoffice", r.Message);
    }

    [Theory]
    [InlineData("broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage")]
    [InlineData("broken.png", "\u0089PNG\r\n\u001a\nnot really an image")]
    public void A_corrupt_pdf_or_image_is_an_error_row_with_a_message(string name, string content)
    {
        var r = Run(name, Encoding.Latin1.GetBytes(content));
        Assert.Equal(DocumentStatus.Error, r.Status);
        Assert.False(string.IsNullOrWhiteSpace(r.Message));
        Assert.DoesNotContain("internal error", r.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_row_not_an_exception()
    {
        var r = _pipeline.Run(Path.Combine(_dir, "nope.txt"));
        Assert.Equal(DocumentStatus.Error, r.Status);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
