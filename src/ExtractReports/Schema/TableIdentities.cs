namespace ExtractReports.Schema;

/// <summary>An identity the tables state about themselves: the sum of <see cref="Left"/> equals the sum of <see cref="Right"/>.</summary>
public sealed record Identity(string Name, IReadOnlyList<string> Left, IReadOnlyList<string> Right)
{
    /// <summary>The fields of both sides, left first (built once; a `with` copy would keep them, so make changed identities with `new`).</summary>
    public IReadOnlyList<string> Fields { get; } = [.. Left, .. Right];
}

/// <summary>
/// The built-in identities of table 三 (per column: 新收 + 上年结转 = 总计 + 结转下年度; 总计 = the sum of the
/// result rows; per row: 总计 = the sum of the six applicant columns) and of table 四 (each 总计 = the sum of
/// its four results), generated from the templates so they follow the table's format.
/// </summary>
public static class TableIdentities
{
    private static readonly IReadOnlyList<Identity> T3Of2019 = BuildT3(ReportFormat.F2019);
    private static readonly IReadOnlyList<Identity> T3Of2021 = BuildT3(ReportFormat.F2021);
    private static readonly IReadOnlyList<Identity> T4Identities = BuildT4();

    public static IReadOnlyList<Identity> ForT3(ReportFormat format) => format == ReportFormat.F2019 ? T3Of2019 : T3Of2021;

    public static IReadOnlyList<Identity> ForT4() => T4Identities;

    /// <summary>Every identity a document's tables state: table 三's in its format (none when it has no table 三), then table 四's.</summary>
    public static IReadOnlyList<Identity> ForDocument(ReportFormat? t3Format) =>
        t3Format is { } f ? [.. ForT3(f), .. T4Identities] : T4Identities;

    private static IReadOnlyList<Identity> BuildT3(ReportFormat format)
    {
        var t = TableTemplates.T3(format);
        var list = new List<Identity>();
        var cols = TableTemplates.ApplicantColumns;
        var results = t.Rows.SkipWhile(r => r.Prefix != "t3.granted").TakeWhile(r => r.Prefix != "t3.total_handled").ToList();
        for (int c = 0; c < cols.Count; c++)
        {
            list.Add(new Identity($"t3 balance [{cols[c]}]: 新收 + 上年结转 = 总计 + 结转下年度",
                [$"t3.new_requests.{cols[c]}", $"t3.carried_over.{cols[c]}"],
                [$"t3.total_handled.{cols[c]}", $"t3.carried_forward.{cols[c]}"]));
            list.Add(new Identity($"t3 results [{cols[c]}]: 总计 = sum of results",
                [$"t3.total_handled.{cols[c]}"], results.Select(r => $"{r.Prefix}.{cols[c]}").ToArray()));
        }
        foreach (var row in t.Rows)
            list.Add(new Identity($"t3 row [{row.Prefix[3..]}]: 总计 = sum of applicants",
                [row.FieldId(6)], Enumerable.Range(0, 6).Select(row.FieldId).ToArray()));
        return list;
    }

    private static IReadOnlyList<Identity> BuildT4() =>
        TableTemplates.T4.Rows.Select(r => new Identity($"t4 [{r.Prefix[3..]}]: 总计 = sum of results",
            [r.FieldId(4)], Enumerable.Range(0, 4).Select(r.FieldId).ToArray())).ToList();

    /// <summary>True, false, or null when a value is missing or not a number.</summary>
    public static bool? Holds(Identity identity, Func<string, decimal?> value)
    {
        decimal left = 0, right = 0;
        // Index loops: the readers test identities for every reading of every row.
        for (int i = 0; i < identity.Left.Count; i++) { var v = value(identity.Left[i]); if (v is null) return null; left += v.Value; }
        for (int i = 0; i < identity.Right.Count; i++) { var v = value(identity.Right[i]); if (v is null) return null; right += v.Value; }
        return left == right;
    }

    /// <summary>
    /// The value of <paramref name="field"/> that makes <paramref name="identity"/> hold, given the others'
    /// values; null when another value is missing or the field is not in the identity exactly once.
    /// </summary>
    public static decimal? Solve(Identity identity, string field, Func<string, decimal?> value)
    {
        decimal left = 0, right = 0;
        int side = 0; // -1: the field is on the left, 1: on the right, 2: more than once
        foreach (var f in identity.Left)
        {
            if (f == field) { side = side == 0 ? -1 : 2; continue; }
            if (value(f) is not { } v) return null;
            left += v;
        }
        foreach (var f in identity.Right)
        {
            if (f == field) { side = side == 0 ? 1 : 2; continue; }
            if (value(f) is not { } v) return null;
            right += v;
        }
        return side switch { -1 => right - left, 1 => left - right, _ => null };
    }
}
