using System.Text;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Html;

namespace ExtractReports.Tests.Lines.Html;

public class HtmlEncodingTests
{
    private static readonly Encoding Gbk = CodePage("GBK");
    private static readonly Encoding Gb18030 = CodePage("GB18030");

    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private static LineDocument ReadBytes(byte[] bytes, string name = "page.html")
    {
        var document = SourceDocument.FromBytes(name, bytes);
        var reader = new HtmlLineReader();
        Assert.True(reader.CanRead(document), $"{name} sniffed as {document.Kind}");
        return reader.Read(document, CancellationToken.None);
    }

    private static string[] Lines(LineDocument doc) => doc.Lines.Select(l => string.Join("|", l.Cells.Select(c => $"{c.Text}@{c.Box}"))).ToArray();

    private static readonly string[] Expected = Lines(new HtmlLineReader().ReadMarkup(HtmlPages.ReportPage("")));

    public static TheoryData<string, string, string> Variants => new()
    {
        // encoding, charset declaration in the page, expected decoder
        { "utf-8", "<meta charset=\"utf-8\">", "utf-8" },
        { "utf-8", "", "utf-8" },
        { "gbk", "<meta charset=\"gbk\">", "gb18030" },
        { "gbk", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "gb18030" },
        { "gbk", "<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html;charset=GB2312\">", "gb18030" },
        { "gbk", "", "gb18030" },                                   // no declaration: detected
        { "gbk", "<meta charset=\"utf-8\">", "gb18030" },            // a wrong declaration does not garble
        { "gbk", "<meta charset=\"iso-8859-1\">", "gb18030" },       // nor does a Western one that decodes anything
        { "utf-8", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", "utf-8" },
        { "gb18030", "<meta charset=\"gb18030\">", "gb18030" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_same_page_in_any_charset_gives_identical_lines(string encoding, string meta, string decodedAs)
    {
        var html = HtmlPages.ReportPage(meta);
        var bytes = encoding switch { "gbk" => Gbk.GetBytes(html), "gb18030" => Gb18030.GetBytes(html), _ => Encoding.UTF8.GetBytes(html) };
        var doc = ReadBytes(bytes);
        Assert.Equal(Expected, Lines(doc));
        Assert.Equal("某某市交通运输局2019年政府信息公开工作年度报告", doc.Title);
        Assert.Contains(decodedAs, doc.Method);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_declaration()
    {
        var html = HtmlPages.ReportPage("<meta charset=\"gbk\">");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(html)).ToArray();
        Assert.Equal(Expected, Lines(ReadBytes(bytes, "page.htm")));
    }

    [Fact]
    public void Shtml_pages_are_read()
    {
        Assert.Equal(Expected, Lines(ReadBytes(Gbk.GetBytes(HtmlPages.ReportPage("<meta charset=gbk>")), "page.shtml")));
    }

    [Fact]
    public void An_mht_archive_with_a_quoted_printable_gbk_page_is_read()
    {
        var html = HtmlPages.ReportPage("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
        var mht = "From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\n" +
                  "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc\"\r\n\r\n" +
                  "------MultipartBoundary--abc\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n" +
                  "Content-Location: http://example.gov.cn/a.html\r\n\r\n" + QuotedPrintable(Gbk.GetBytes(html)) + "\r\n" +
                  "------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
                  "------MultipartBoundary--abc--\r\n";
        var doc = ReadBytes(Encoding.ASCII.GetBytes(mht), "page.mht");
        Assert.Equal(Expected, Lines(doc));
        Assert.StartsWith("mht", doc.Method);
    }

    [Fact]
    public void An_mht_archive_with_a_base64_utf8_page_is_read()
    {
        var html = HtmlPages.ReportPage("<meta charset=\"utf-8\">");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(html), Base64FormattingOptions.InsertLineBreaks);
        var mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b1\r\n\r\npreamble\r\n--b1\r\n" +
                  "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n--b1--\r\n";
        Assert.Equal(Expected, Lines(ReadBytes(Encoding.ASCII.GetBytes(mht), "page.mhtml")));
    }

    [Fact]
    public void An_mht_archive_without_a_page_is_a_clear_error()
    {
        var mht = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b1\r\n\r\n--b1\r\nContent-Type: image/png\r\n\r\nxx\r\n--b1--\r\n";
        var e = Assert.Throws<DocumentReadException>(() => ReadBytes(Encoding.ASCII.GetBytes(mht), "page.mht"));
        Assert.Contains("text/html", e.Message);
    }

    /// <summary>Quoted-printable as mail tools write it: soft line breaks every 76 characters, '=' and non-ASCII escaped.</summary>
    private static string QuotedPrintable(byte[] bytes)
    {
        var sb = new StringBuilder();
        int column = 0;
        foreach (var b in bytes)
        {
            var token = b is >= 33 and <= 126 && b != '=' || b == ' ' ? ((char)b).ToString() : b == '\n' ? "\r\n" : b == '\r' ? "" : $"={b:X2}";
            if (token == "\r\n") { sb.Append(token); column = 0; continue; }
            if (column + token.Length > 75) { sb.Append("=\r\n"); column = 0; }
            sb.Append(token);
            column += token.Length;
        }
        return sb.ToString();
    }
}
