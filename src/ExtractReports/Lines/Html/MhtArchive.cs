using System.Text;
using System.Text.RegularExpressions;

namespace ExtractReports.Lines.Html;

/// <summary>The page inside a single-file web archive, still encoded in its own charset.</summary>
internal sealed record MhtPart(byte[] Body, string? Charset);

/// <summary>
/// Reads .mht/.mhtml single-file archives (MIME, RFC 2557): finds the text/html part and undoes
/// its transfer encoding. Headers are ASCII, so the archive is handled as Latin-1 text, which maps
/// every byte to one character and back without loss.
/// </summary>
internal static partial class MhtArchive
{
    public static bool LooksLikeArchive(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var headers = head.Split(["\r\n\r\n", "\n\n"], 2, StringSplitOptions.None)[0];
        return MimeVersion().IsMatch(headers) || headers.TrimStart().StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase);
    }

    public static MhtPart HtmlPart(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var (headers, body) = SplitHeaders(text);
        var contentType = Header(headers, "Content-Type") ?? "";
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Parameter(contentType, "boundary")
                ?? throw new DocumentReadException("the .mht archive declares multipart content but no boundary");
            foreach (var part in Parts(body, boundary))
            {
                var (partHeaders, partBody) = SplitHeaders(part);
                var type = Header(partHeaders, "Content-Type") ?? "text/plain";
                if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
                    return new MhtPart(Unpack(partBody, Header(partHeaders, "Content-Transfer-Encoding")), Parameter(type, "charset"));
            }
            throw new DocumentReadException("the .mht archive holds no text/html part");
        }
        if (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || contentType.Length == 0)
            return new MhtPart(Unpack(body, Header(headers, "Content-Transfer-Encoding")), Parameter(contentType, "charset"));
        throw new DocumentReadException($"the .mht archive holds {contentType.Split(';')[0]}, not a web page");
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int pos = 0;
        string? last = null;
        while (pos < text.Length)
        {
            int lineStart = pos, end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var line = text[pos..end].TrimEnd('\r');
            pos = end + 1;
            if (line.Length == 0) { if (headers.Count > 0 || last is not null) break; continue; }
            if (char.IsWhiteSpace(line[0]) && last is not null) { headers[last] += " " + line.Trim(); continue; } // folded header
            int colon = line.IndexOf(':');
            if (colon <= 0) { pos = lineStart; break; } // no header block: all body
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }
        return (headers, pos < text.Length ? text[pos..] : "");
    }

    private static IEnumerable<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var chunks = body.Split(delimiter);
        // chunks[0] is the preamble; a chunk starting with "--" follows the closing delimiter.
        for (int i = 1; i < chunks.Length; i++)
        {
            if (chunks[i].StartsWith("--", StringComparison.Ordinal)) yield break;
            yield return chunks[i].TrimStart('\r', '\n');
        }
    }

    private static string? Header(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var v) ? v : null;

    private static string? Parameter(string headerValue, string name)
    {
        var m = Regex.Match(headerValue, $@"(?:^|;)\s*{name}\s*=\s*(?:""([^""]*)""|([^;\s]+))", RegexOptions.IgnoreCase);
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
    }

    private static byte[] Unpack(string body, string? transferEncoding)
    {
        switch (transferEncoding?.Trim().ToLowerInvariant())
        {
            case "base64":
                try { return Convert.FromBase64String(Base64Noise().Replace(body, "")); }
                catch (FormatException e) { throw new DocumentReadException("the .mht archive's page is not valid base64", e); }
            case "quoted-printable":
                return QuotedPrintable(body);
            default:
                return Encoding.Latin1.GetBytes(body);
        }
    }

    private static byte[] QuotedPrintable(string body)
    {
        var bytes = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '=') { bytes.Add((byte)c); continue; }
            if (i + 1 < body.Length && body[i + 1] == '\n') { i += 1; continue; }           // soft break
            if (i + 2 < body.Length && body[i + 1] == '\r' && body[i + 2] == '\n') { i += 2; continue; }
            if (i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
            {
                bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            bytes.Add((byte)c); // a lone '=' is kept, as lenient readers do
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"^MIME-Version\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MimeVersion();

    [GeneratedRegex(@"[^A-Za-z0-9+/=]")]
    private static partial Regex Base64Noise();
}
