using System.Text;

namespace ExtractReports.ScanMatrix;

/// <summary>An 8-bit grey page (0 black, 255 white), row-major, at a resolution; read from and written as PGM.</summary>
public sealed record GrayPage(int Width, int Height, byte[] Pixels, int Dpi)
{
    public static GrayPage FromPnm(byte[] pnm, int dpi)
    {
        // P5 header: magic, width, height, maxval, separated by whitespace; leptonica writes a # comment line.
        int pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)pnm[pos]) || pnm[pos] == '#')
                if (pnm[pos] == '#') while (pnm[pos] != '\n') pos++;
                else pos++;
            int start = pos;
            while (!char.IsWhiteSpace((char)pnm[pos])) pos++;
            return Encoding.ASCII.GetString(pnm, start, pos - start);
        }
        if (Token() != "P5") throw new FormatException("not an 8-bit PGM");
        int w = int.Parse(Token()), h = int.Parse(Token());
        if (int.Parse(Token()) != 255) throw new FormatException("PGM is not 8-bit");
        pos++;
        return new GrayPage(w, h, pnm.AsSpan(pos, w * h).ToArray(), dpi);
    }

    public byte[] ToPgm()
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        return [.. header, .. Pixels];
    }

    /// <summary>Black and white at the threshold, as PBM (1 = black), for a G4 page.</summary>
    public byte[] ToPbm(int threshold)
    {
        int rowBytes = (Width + 7) / 8;
        var header = Encoding.ASCII.GetBytes($"P4\n{Width} {Height}\n");
        var bits = new byte[rowBytes * Height];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                if (Pixels[y * Width + x] < threshold) bits[y * rowBytes + x / 8] |= (byte)(0x80 >> (x % 8));
        return [.. header, .. bits];
    }
}
