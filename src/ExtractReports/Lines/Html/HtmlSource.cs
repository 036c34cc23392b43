using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Documents;

namespace ExtractReports.Lines.Html;

/// <summary>The markup of a page and how its bytes were decoded.</summary>
internal sealed record HtmlText(string Html, string EncodingName, bool FromArchive);

/// <summary>
/// Turns a saved page's bytes into markup. The charset comes from a byte-order mark, then the
/// page's own declaration (&lt;meta charset&gt;, &lt;meta http-equiv="Content-Type"&gt;, an XML
/// declaration), then detection; <see cref="TextDecoder"/> decodes strictly, so a page whose
/// declaration is wrong falls back to detection instead of being garbled. A .mht archive is
/// unpacked first: its text/html part, quoted-printable or base64, with the part's charset.
/// </summary>
internal static partial class HtmlSource
{
    /// <summary>How far into a page a charset declaration is looked for (HTML asks for the first 1024 bytes; pages are sloppy).</summary>
    private const int DeclarationWindow = 8192;

    public static HtmlText Decode(byte[] bytes)
    {
        if (MhtArchive.LooksLikeArchive(bytes))
        {
            var part = MhtArchive.HtmlPart(bytes);
            var decoded = DecodeBytes(part.Body, part.Charset);
            return new HtmlText(decoded.Text, decoded.EncodingName, true);
        }
        var page = DecodeBytes(bytes, null);
        return new HtmlText(page.Text, page.EncodingName, false);
    }

    private static DecodedText DecodeBytes(byte[] bytes, string? outerCharset)
    {
        var declared = outerCharset ?? DeclaredCharset(bytes);
        // A single-byte Western charset decodes any bytes without error, so a Chinese page that
        // wrongly declares one would be garbled: there, detection decides.
        if (declared is not null && WesternCharset().IsMatch(declared) && bytes.Any(b => b >= 0x80)) declared = null;
        try { return TextDecoder.Decode(bytes, declared); }
        catch (UndecodableTextException e)
        {
            throw new DocumentReadException(
                $"the page's text could not be decoded (declared charset: {declared ?? "none"}): {e.Message}", e);
        }
    }

    /// <summary>The charset a page declares for itself, or null.</summary>
    public static string? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, DeclarationWindow));
        foreach (Match meta in MetaTag().Matches(head))
            if (CharsetParameter().Match(meta.Value) is { Success: true } m) return m.Groups[1].Value;
        return XmlEncoding().Match(head) is { Success: true } x ? x.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*[""']?(iso[-_]?8859[-_]?\d+|latin[-_]?\d|l\d|windows[-_]?125\d|cp125\d|us[-_]?ascii|ascii|ansi_x3\.4-1968)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WesternCharset();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9_.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
