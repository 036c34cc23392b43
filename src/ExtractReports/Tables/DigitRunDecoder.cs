namespace ExtractReports.Tables;

/// <summary>A piece of a row's numbers: an atomic number, or a digit run that may hold several.</summary>
public readonly record struct DigitPiece(string Raw, bool Atomic);

/// <summary>One way to cut a row's pieces into numbers, with its prior plausibility (higher is likelier).</summary>
public sealed record Decoding(IReadOnlyList<string> Numbers, double Prior);

/// <summary>
/// Cuts digit runs whose cell boundaries were lost (`230 000023`, `7000007`) into the row's numbers.
/// Every cut is enumerated: numbers have no leading zeros, a decimal point stays inside its number,
/// whitespace between runs is a certain boundary. A constraint (the row-sum identity) filters them;
/// the prior prefers standalone zeros (the commonest cell) and evenly sized numbers, and only ranks
/// what the identities cannot decide, so such values are reported as ambiguous.
/// </summary>
public static class DigitRunDecoder
{
    public const int MaxDigitsPerNumber = 12;
    public const int MaxDecodings = 50_000;

    public static IReadOnlyList<Decoding> Decode(IReadOnlyList<DigitPiece> pieces, int count, Func<decimal[], bool>? constraint = null)
    {
        var results = new List<Decoding>();
        var acc = new List<string>(count);
        int minRemaining(int piece) => pieces.Count - piece;
        int budget = MaxDecodings * 4;
        var capacityAfter = new int[pieces.Count + 1];
        for (int i = pieces.Count - 1; i >= 0; i--)
            capacityAfter[i] = capacityAfter[i + 1] + (pieces[i].Atomic ? 1 : pieces[i].Raw.Count(char.IsAsciiDigit));

        void Rec(int piece, int pos)
        {
            if (results.Count >= MaxDecodings || --budget < 0) return;
            if (piece == pieces.Count)
            {
                if (acc.Count != count) return;
                var values = acc.Select(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                if (constraint is null || constraint(values)) results.Add(new Decoding(acc.ToArray(), Prior(acc)));
                return;
            }
            var p = pieces[piece];
            if (p.Atomic)
            {
                acc.Add(p.Raw);
                Rec(piece + 1, 0);
                acc.RemoveAt(acc.Count - 1);
                return;
            }
            var raw = p.Raw;
            for (int len = 1; pos + len <= raw.Length && len <= MaxDigitsPerNumber + 1; len++)
            {
                var part = raw.Substring(pos, len);
                int end = pos + len;
                if (part.IndexOf('-', 1) > 0) break; // a minus sign always starts a number
                if (!ValidNumber(part)) continue;
                if (end < raw.Length && (raw[end] == '.' || raw[end - 1] == '.')) continue;
                // The numbers still needed must fit in what is left: at least one a piece, at most one a digit.
                int left = raw.Length - end;
                int minAfter = (left > 0 ? 1 : 0) + minRemaining(piece + 1);
                int maxAfter = left + capacityAfter[piece + 1];
                if (acc.Count + 1 + maxAfter < count) break;
                if (acc.Count + 1 + minAfter > count) continue;
                acc.Add(part);
                if (end == raw.Length) Rec(piece + 1, 0); else Rec(piece, end);
                acc.RemoveAt(acc.Count - 1);
            }
        }

        Rec(0, 0);
        return results.OrderByDescending(r => r.Prior).ToList();
    }

    private static bool ValidNumber(string part)
    {
        var digits = part.AsSpan(part.StartsWith('-') ? 1 : 0);
        if (digits.Length == 0 || digits[0] == '.' || digits[^1] == '.') return false;
        if (digits.Count('.') > 1) return false;
        int dot = digits.IndexOf('.');
        var intPart = dot < 0 ? digits : digits[..dot];
        if (intPart.Length > MaxDigitsPerNumber) return false;
        return intPart.Length == 1 || intPart[0] != '0';
    }

    private static double Prior(IReadOnlyList<string> numbers)
    {
        double zeros = numbers.Count(n => n == "0");
        double spread = numbers.Sum(n => (double)n.Length * n.Length);
        return zeros - 0.1 * spread;
    }
}
