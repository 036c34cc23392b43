using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// The few CSS properties the reader needs (display, visibility, grid placement), from an
/// element's style attribute and from the page's own &lt;style&gt; rules whose last selector part is
/// a tag and/or classes (`.grid .tr`, `div.cell`, `.hide`). No cascade beyond "later rule wins,
/// style attribute wins over rules": enough to see tables drawn with classes and hidden copies.
/// </summary>
internal sealed partial class PageStyles
{
    private sealed record Rule(string? Tag, string[] Classes, IReadOnlyDictionary<string, string> Declarations);

    private readonly List<Rule> _rules = [];
    private readonly Dictionary<IElement, IReadOnlyDictionary<string, string>> _cache = [];

    public static PageStyles Empty { get; } = new();

    public static PageStyles Of(IDocument document)
    {
        var styles = new PageStyles();
        foreach (var style in document.QuerySelectorAll("style"))
            foreach (Match m in RuleText().Matches(CssComment().Replace(style.TextContent, "")))
            {
                var declarations = Declarations(m.Groups[2].Value);
                if (declarations.Count == 0) continue;
                foreach (var selector in m.Groups[1].Value.Split(','))
                {
                    var last = Combinator().Split(selector.Trim()).LastOrDefault() ?? "";
                    var compound = Compound().Match(last);
                    if (!compound.Success) continue;
                    var tag = compound.Groups[1].Value;
                    var classes = compound.Groups[2].Captures.Select(c => c.Value.ToLowerInvariant()).ToArray();
                    if (tag.Length == 0 && classes.Length == 0) continue;
                    styles._rules.Add(new Rule(tag.Length > 0 && tag != "*" ? tag.ToLowerInvariant() : null, classes, declarations));
                }
            }
        return styles;
    }

    /// <summary>The value of a property for the element (lower case), or null.</summary>
    public string? Get(IElement e, string property) => Declared(e).TryGetValue(property, out var v) ? v : null;

    private IReadOnlyDictionary<string, string> Declared(IElement e)
    {
        if (_cache.TryGetValue(e, out var cached)) return cached;
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_rules.Count > 0)
        {
            var classes = e.ClassList.Select(c => c.ToLowerInvariant()).ToHashSet();
            foreach (var rule in _rules)
                if ((rule.Tag is null || rule.Tag == e.LocalName) && rule.Classes.All(classes.Contains))
                    foreach (var (k, v) in rule.Declarations) result[k] = v;
        }
        if (e.GetAttribute("style") is { } inline)
            foreach (var (k, v) in Declarations(inline)) result[k] = v;
        _cache[e] = result;
        return result;
    }

    private static Dictionary<string, string> Declarations(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';'))
        {
            int colon = part.IndexOf(':');
            if (colon <= 0) continue;
            var name = part[..colon].Trim().ToLowerInvariant();
            var value = part[(colon + 1)..].Replace("!important", "").Trim().ToLowerInvariant();
            if (name.Length > 0 && value.Length > 0) d[name] = value;
        }
        return d;
    }

    [GeneratedRegex(@"([^{}@]+)\{([^{}]*)\}")]
    private static partial Regex RuleText();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"\s*[\s>+~]\s*")]
    private static partial Regex Combinator();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*|\*)?(?:\.([-\w]+))*$")]
    private static partial Regex Compound();
}
