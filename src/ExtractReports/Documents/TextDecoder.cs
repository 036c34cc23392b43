using System.Text;
using System.Text.Unicode;

namespace ExtractReports.Documents;

/// <summary>The text of a document and the encoding it was read with.</summary>
public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Decodes text files: BOM first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
/// Both decoders are strict, so a file that is neither fails with a clear error instead of garbling.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static DecodedText Decode(byte[] bytes, string? declaredCharset = null)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return new DecodedText(Strict(new UTF8Encoding(false, true), bytes, 3), "utf-8-bom");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
            return new DecodedText(Strict(new UnicodeEncoding(false, false, true), bytes, 2), "utf-16le");
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
            return new DecodedText(Strict(new UnicodeEncoding(true, false, true), bytes, 2), "utf-16be");

        if (declaredCharset is not null && TryEncoding(declaredCharset) is { } declared
            && TryStrict(declared, bytes) is { } text)
            return new DecodedText(text, declared.WebName);

        // Checked first: a GBK file would otherwise cost the strict decoder's exception.
        if (Utf8.IsValid(bytes) && TryStrict(new UTF8Encoding(false, true), bytes) is { } utf8) return new DecodedText(utf8, "utf-8");
        if (TryStrict(Gb18030, bytes) is { } gb && LooksChinese(gb)) return new DecodedText(gb, "gb18030");
        throw new UndecodableTextException(
            "the text is neither UTF-8 nor GBK/GB18030 (tried both strictly); convert it to UTF-8 and retry");
    }

    private static Encoding? TryEncoding(string name)
    {
        try
        {
            var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
            if (n is "gbk" or "gb2312" or "gb_2312-80" or "x-gbk" or "cp936") n = "gb18030";
            var e = Encoding.GetEncoding(n);
            return Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException) { return null; }
    }

    private static string? TryStrict(Encoding e, byte[] bytes)
    {
        try { return e.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Strict(Encoding e, byte[] bytes, int skip) =>
        TryStrict(e, bytes[skip..]) ?? throw new UndecodableTextException($"the text has a {e.WebName} byte-order mark but invalid {e.WebName} bytes");

    /// <summary>GB18030 accepts almost any byte sequence; demand that most non-ASCII characters are common CJK.</summary>
    private static bool LooksChinese(string text)
    {
        int nonAscii = 0, cjk = 0;
        foreach (var ch in text)
        {
            if (ch < 0x80) continue;
            nonAscii++;
            if (ch is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef' or '“' or '”') cjk++;
        }
        return nonAscii == 0 || cjk >= nonAscii * 0.9;
    }
}

public sealed class UndecodableTextException(string message) : Exception(message);
