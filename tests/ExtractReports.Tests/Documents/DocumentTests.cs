using System.Text;
using ExtractReports.Documents;

namespace ExtractReports.Tests.Documents;

public class DocumentTests
{
    private const string Sample = "焦作市卫生健康委员会2022年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\t3";

    [Fact]
    public void Utf8_utf8_bom_and_gbk_decode_to_the_same_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Encoding.UTF8.GetBytes(Sample);
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(utf8).ToArray();
        var gbk = Encoding.GetEncoding("GBK").GetBytes(Sample);
        Assert.Equal(Sample, TextDecoder.Decode(utf8).Text);
        Assert.Equal(Sample, TextDecoder.Decode(bom).Text);
        var g = TextDecoder.Decode(gbk);
        Assert.Equal(Sample, g.Text);
        Assert.Equal("gb18030", g.EncodingName);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_chinese_are_refused_not_garbled()
    {
        var latin1 = Encoding.Latin1.GetBytes("Ã©tÃ© rÃ©sumÃ© naÃ¯ve ÿþ");
        Assert.Throws<UndecodableTextException>(() => TextDecoder.Decode(latin1));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, ".bin", DocumentKind.PdfText)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, ".txt", DocumentKind.Image)]
    [InlineData(new byte[] { }, ".txt", DocumentKind.Empty)]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 }, ".txt", DocumentKind.Binary)]
    public void Kind_is_sniffed_from_content(byte[] bytes, string ext, DocumentKind expected) =>
        Assert.Equal(expected, DocumentSniffer.Sniff(bytes, ext));
}
