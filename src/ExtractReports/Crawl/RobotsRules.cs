using System.Text.RegularExpressions;

namespace ExtractReports.Crawl;

/// <summary>
/// A host's robots.txt as it applies to us (RFC 9309): the group naming our user agent, else the
/// `*` group; the longest matching Allow/Disallow rule decides (Allow on a tie); `*` and `$` in
/// paths. Crawl-delay is read too (not in the RFC, but agency sites use it).
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(Regex Pattern, int Length, bool Allow)> _rules;

    public static readonly RobotsRules AllowAll = new([], null);

    /// <summary>Seconds to wait between requests, when the file asks.</summary>
    public double? CrawlDelay { get; }

    private RobotsRules(List<(Regex, int, bool)> rules, double? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split('/', ' ')[0].ToLowerInvariant();
        // Groups: consecutive user-agent lines, then their rules.
        var groups = new List<(List<string> Agents, List<(string Key, string Value)> Lines)>();
        bool inAgents = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!inAgents) groups.Add(([], []));
                groups[^1].Agents.Add(value.ToLowerInvariant());
                inAgents = true;
            }
            else if (groups.Count > 0)
            {
                groups[^1].Lines.Add((key, value));
                inAgents = false;
            }
        }
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        var rules = new List<(Regex, int, bool)>();
        double? delay = null;
        foreach (var (key, value) in mine.SelectMany(g => g.Lines))
        {
            if (key is "allow" or "disallow" && value.Length > 0) rules.Add((ToRegex(value), value.Length, key == "allow"));
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d)) delay = d;
        }
        return new RobotsRules(rules, delay);
    }

    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        var best = _rules.Where(r => r.Pattern.IsMatch(path)).OrderByDescending(r => r.Length).ThenByDescending(r => r.Allow).FirstOrDefault();
        return best.Pattern is null || best.Allow;
    }

    private static Regex ToRegex(string rule)
    {
        bool anchored = rule.EndsWith('$');
        var body = Regex.Escape(anchored ? rule[..^1] : rule).Replace(@"\*", ".*");
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant);
    }
}
