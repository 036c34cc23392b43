using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>Which row group fills which template row, and how well the whole alignment fits.</summary>
public sealed record Alignment(TableTemplate Template, double Score, IReadOnlyDictionary<int, RowGroup> RowToGroup);

/// <summary>Weights of the alignment score; eval tunes them.</summary>
public sealed record AlignerOptions
{
    /// <summary>Reward for a group whose own label names the row (times the match strength).</summary>
    public double StrongLabel { get; init; } = 10;
    /// <summary>Penalty for putting a group under a row when its own label names another row.</summary>
    public double WrongLabel { get; init; } = 10;
    /// <summary>Reward when floating text since the previous group names the row.</summary>
    public double WeakLabel { get; init; } = 2;
    /// <summary>Least match strength that counts as naming a row.</summary>
    public double MinMatch { get; init; } = 0.75;
    /// <summary>
    /// Least match strength of another row's label for the wrong-label penalty: only a near-exact
    /// label is evidence against a row (fuzzy matches of long keys also hit their generic parts,
    /// `…其政府信息公开申请` against `新收政府信息公开申请`).
    /// </summary>
    public double MinConflictMatch { get; init; } = 0.9;
    /// <summary>Penalties for a group with one value too few, several too few, or too many.</summary>
    public double OneShort { get; init; } = 1;
    public double Short { get; init; } = 3;
    public double TooMany { get; init; } = 4;

    public static AlignerOptions Default { get; } = new();
}

/// <summary>
/// Aligns the row groups of a table region to the template's fixed row sequence, the way a sequence
/// aligner would: a monotone mapping (rows keep their printed order) that rewards groups labelled
/// with the row's label, lets unlabelled groups fill rows between labelled ones, and skips stray
/// groups and absent rows (a table cut off). The same scoring decides the table's format.
/// </summary>
public static class RowAligner
{
    public static Alignment Align(IReadOnlyList<RowGroup> groups, TableTemplate template, int columns, AlignerOptions? options = null,
        Func<int, TemplateRow, (double Strong, double Weak)>? match = null)
    {
        match ??= (i, row) => groups[i].Match(row);
        var o = options ?? AlignerOptions.Default;
        int g = groups.Count, r = template.Rows.Count;
        // Flat arrays: this runs twice per table, for every document.
        int w = r + 1;
        var pair = new double[g * r];
        var m = new (double Strong, double Weak)[r];
        for (int i = 0; i < g; i++)
        {
            double bestOther = 0;
            for (int j = 0; j < r; j++) { m[j] = match(i, template.Rows[j]); bestOther = Math.Max(bestOther, m[j].Strong); }
            double size = SizePenalty(groups[i], columns, o);
            for (int j = 0; j < r; j++) pair[i * r + j] = PairScore(m[j], bestOther, size, o);
        }

        var dp = new double[(g + 1) * w];
        var move = new byte[(g + 1) * w]; // 1 skip group, 2 skip row, 3 match
        for (int i = 0; i <= g; i++)
            for (int j = 0; j <= r; j++)
            {
                if (i == 0 && j == 0) continue;
                double best = double.NegativeInfinity; byte mv = 0;
                if (i > 0 && dp[(i - 1) * w + j] > best) { best = dp[(i - 1) * w + j]; mv = 1; }
                if (j > 0 && dp[i * w + j - 1] > best) { best = dp[i * w + j - 1]; mv = 2; }
                if (i > 0 && j > 0 && dp[(i - 1) * w + j - 1] + pair[(i - 1) * r + j - 1] > best) { best = dp[(i - 1) * w + j - 1] + pair[(i - 1) * r + j - 1]; mv = 3; }
                dp[i * w + j] = best; move[i * w + j] = mv;
            }
        var map = new Dictionary<int, RowGroup>();
        for (int i = g, j = r; i > 0 || j > 0;)
        {
            switch (move[i * w + j])
            {
                case 1: i--; break;
                case 2: j--; break;
                default: map[j - 1] = groups[i - 1]; i--; j--; break;
            }
        }
        return new Alignment(template, dp[g * w + r], map);
    }

    private static double PairScore((double Strong, double Weak) match, double bestStrong, double sizePenalty, AlignerOptions o)
    {
        var (strong, weak) = match;
        double score = 1;
        if (strong >= o.MinMatch) score += o.StrongLabel * strong;
        else if (bestStrong >= o.MinConflictMatch) score -= o.WrongLabel;
        if (weak >= o.MinMatch) score += o.WeakLabel * weak;
        return score - sizePenalty;
    }

    internal static double SizePenalty(RowGroup group, int columns, AlignerOptions o)
    {
        int n = group.Slots.Count;
        if (group.HasRuns)
        {
            int capacity = group.Slots.Sum(s => s.Kind == TokenKind.Number && !s.Atomic ? s.Raw.Count(char.IsAsciiDigit) : 1);
            return n <= columns && columns <= capacity ? 0 : o.TooMany;
        }
        if (n == columns) return 0;
        if (n == columns - 1) return o.OneShort;
        return n < columns ? o.Short : o.TooMany;
    }
}
