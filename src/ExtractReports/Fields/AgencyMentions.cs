namespace ExtractReports.Fields;

/// <summary>
/// The agency as an OCR'd report names it over and over. The title names it once, the opening again (由…编制, 请与…联系,
/// the first sentence of 总体情况), each read apart; a glyph misread in the title is read the same way in a few of the other
/// mentions at most (measured 2026-12-03 on the scan-conditions matrix: a title 德清有具人民政府 beside three 德清县人民政府 and
/// two more 德清有具; 潜泽区 in the title, 洪泽区 in every other mention). So every spelling close to the title's agency is
/// counted, and the one most of the report's mentions use is taken (<see cref="Vote"/>).
/// </summary>
public static class AgencyMentions
{
    /// <summary>Characters an agency name holds at least to be counted among near spellings (5: shorter names differ by
    /// one character from other agencies too often, 长沙县 and 长沙市).</summary>
    public const int MinNameLength = 5;

    /// <summary>The count of each spelling of <paramref name="agency"/> in <paramref name="text"/>: every stretch within
    /// <see cref="MaxEdits"/> edits of it (one glyph misread, dropped or added), each counted once.</summary>
    public static IReadOnlyDictionary<string, int> Count(string agency, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int k = MaxEdits(agency);
        if (agency.Length < MinNameLength) return counts;
        for (int i = 0; i + agency.Length - k <= text.Length; i++)
        {
            // The full name an abbreviated agency stands for (卫生健康委员会 for 卫健委) is a mention of it, not a spelling.
            if (FullFormEnd(agency, text, i) is { } end)
            {
                counts[agency] = counts.GetValueOrDefault(agency) + 1;
                i = end - 1;
                continue;
            }
            if (!MayStartAt(agency, text, i) || Nearest(agency, text, i, k) is not { } first) continue;
            // Of overlapping stretches the closest is the mention (洪泽区人民政府 inside 淮安市洪泽区人民政府, not 市洪泽区人民政).
            var best = first;
            for (int j = i + 1; j <= i + k && j < text.Length; j++)
                if (MayStartAt(agency, text, j) && Nearest(agency, text, j, k) is { } other && other.Edits < best.Edits) best = other;
            var spelling = text.Substring(best.Start, best.Length);
            counts[spelling] = counts.GetValueOrDefault(spelling) + 1;
            i = best.Start + best.Length - 1;
        }
        return counts;
    }

    /// <summary>The result of counting the title's agency among the report's mentions.</summary>
    /// <param name="Agency">The spelling most mentions use (the title counted as half a mention), or the title's when none has a majority.</param>
    /// <param name="Sure">Two mentions at least use it, and two in three of all the near spellings do (the title counted as one).</param>
    /// <param name="Contested">The report spells the agency more than one way.</param>
    public sealed record Outcome(string Agency, bool Sure, bool Contested);

    /// <summary>
    /// The spelling of <paramref name="titleAgency"/> that most of the report's mentions use. Another spelling than the
    /// title's is taken only with a majority of all mentions: a badly read page spells the name a different way in every
    /// line (德清只, 德清其, 德清共 twice, 德清呈 beside a title read right, measured on corpus/scan/img-04), and the commonest
    /// of its misreads is no better than the title. The title counts as half a mention: it breaks a tie between the
    /// mentions' spellings but does not make one. A title's misread is a confusion the engine may repeat in a mention, and
    /// when the mentions still favour another spelling the title is the odd read (measured 2026-12-04 on the
    /// scan-conditions matrix: 潜泽区 in the title and one mention against 洪泽区 in two; 德清有具 in the title and two
    /// mentions against 德清县 in three; counted as a whole mention, the title won both ties). Another spelling needs two
    /// mentions at least: one read against one is no majority. Sure when two in three of all the spellings, the title
    /// counted as one, agree: a close vote is never sure.
    /// </summary>
    public static Outcome Vote(string titleAgency, string rest)
    {
        var mentions = Count(titleAgency, rest);
        var counts = new Dictionary<string, int>(mentions, StringComparer.Ordinal);
        counts[titleAgency] = counts.GetValueOrDefault(titleAgency) + 1;
        // In half mentions: each mention of the body is two, the title one.
        int Halves(string spelling) => 2 * mentions.GetValueOrDefault(spelling) + (spelling == titleAgency ? 1 : 0);
        int totalHalves = 2 * mentions.Values.Sum() + 1;
        var best = counts.Keys.OrderByDescending(Halves).ThenByDescending(k => k == titleAgency).First();
        // One mention alone is no majority against the title, whatever the halves say.
        var agency = 2 * Halves(best) > totalHalves && (best == titleAgency || mentions[best] >= 2) ? best : titleAgency;
        int agreeing = counts[agency], total = counts.Values.Sum();
        return new Outcome(agency, agreeing >= 2 && 3 * agreeing >= 2 * total, counts.Count > 1);
    }

    /// <summary>
    /// Where a mention of <paramref name="agency"/> as written, or as the full name it abbreviates, that starts at
    /// <paramref name="start"/> ends: the text starts as the agency does, and the agency's last few characters (at most
    /// <see cref="MaxAbbreviatedTail"/>, or a third of the name) follow in order within a stretch at most twice as long as
    /// the name and four characters: 卫健委 in 卫生健康委员会, 发改委 in 发展和改革委员会. Null when none starts there. An
    /// abbreviation shortens the end of a name; a name whose middle is found only scattered over the text after its first
    /// characters is another name (a title's 德清有具人民政府 in 德清县人民政府…有…具体…人民政府, measured 2026-12-03 on a
    /// sideways scan of the matrix, where the looser rule confirmed the misread at 0.985).
    /// </summary>
    public static int? FullFormEnd(string agency, string text, int start)
    {
        int same = 0;
        while (same < agency.Length && start + same < text.Length && text[start + same] == agency[same]) same++;
        if (same == agency.Length) return start + same;
        if (same < 2 || agency.Length - same > Math.Max(MaxAbbreviatedTail, agency.Length / 3)) return null;
        int end = Math.Min(text.Length, start + 2 * agency.Length + 4), k = same;
        for (int j = start + same; j < end; j++)
            if (text[j] == agency[k] && ++k == agency.Length) return j + 1;
        return null;
    }

    /// <summary>Characters at the end of a name an abbreviation may have shortened (3: 卫健委, 政府办).</summary>
    public const int MaxAbbreviatedTail = 3;

    /// <summary>Edits a mention may differ by: a quarter of the name (one for 5-7 characters, two for 8-11).</summary>
    private static int MaxEdits(string agency) => Math.Max(1, agency.Length / 4);

    /// <summary>A mention starts with the name's first character, or its second (the first misread or dropped).</summary>
    private static bool MayStartAt(string agency, string text, int i) =>
        text[i] == agency[0] || text[i] == agency[1] || (i + 1 < text.Length && text[i + 1] == agency[1]);

    private readonly record struct Stretch(int Start, int Length, int Edits);

    /// <summary>The stretch starting at <paramref name="start"/> closest to the name (its own length first), if within <paramref name="k"/> edits.</summary>
    private static Stretch? Nearest(string agency, string text, int start, int k)
    {
        Stretch? best = null;
        foreach (int length in Lengths(agency.Length, k))
        {
            if (length < 1 || start + length > text.Length) continue;
            int edits = Edits(agency, text.AsSpan(start, length));
            if (edits <= k && (best is null || edits < best.Value.Edits)) best = new Stretch(start, length, edits);
        }
        return best;
    }

    private static IEnumerable<int> Lengths(int length, int k)
    {
        yield return length;
        for (int d = 1; d <= k; d++)
        {
            yield return length - d;
            yield return length + d;
        }
    }

    /// <summary>Levenshtein distance (characters inserted, dropped or replaced).</summary>
    private static int Edits(string a, ReadOnlySpan<char> b)
    {
        Span<int> prev = stackalloc int[b.Length + 1], cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            var swap = prev; prev = cur; cur = swap;
        }
        return prev[b.Length];
    }
}
