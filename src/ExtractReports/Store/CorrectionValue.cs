using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Tables;

namespace ExtractReports.Store;

/// <summary>A reviewer's correction once checked: the value as the outputs carry it, and the status it gives the field.</summary>
public sealed record CorrectionValue(string Value, FieldStatus Status);

/// <summary>What checking a typed correction gave: the value, or a message saying why it is refused.</summary>
public sealed record CheckedCorrection(CorrectionValue? Value, string? Error)
{
    public bool Ok => Value is not null;
}

/// <summary>
/// Checks what a reviewer typed for a field against the field's type and DESIGN.md's value rules, the same
/// way for the web page and for an imported review.csv: a number for a count or an amount (full-width
/// digits, thousands separators and a `+` sign normalised; `-3` keeps its sign; decimals lose trailing
/// zeros), `-` (or `—`, `/`, `无`) for a cell that is blank in the report, and a sentence only when the
/// reviewer says it is one (the web page's text switch, or the prefix <c>text:</c> in a CSV).
/// </summary>
public static partial class CorrectionValues
{
    /// <summary>The prefix that marks a correction of a numeric field as the sentence printed in its cell.</summary>
    public const string TextPrefix = "text:";

    private static readonly HashSet<string> BlankMarks = ["-", "—", "–", "－", "/", "无", "－－", "--", "——"];

    /// <summary>Checks a typed correction. <paramref name="asText"/>: the reviewer marked it as a sentence.</summary>
    public static CheckedCorrection Check(string typed, FieldDefinition field, bool asText = false)
    {
        var s = Collapse(typed);
        if (s.StartsWith(TextPrefix, StringComparison.OrdinalIgnoreCase)) { asText = true; s = Collapse(s[TextPrefix.Length..]); }
        if (s.Length == 0)
            return new(null, asText ? "a text correction needs the sentence after 'text:'" : "nothing typed: type the value, or '-' for a blank cell");
        if (!asText && BlankMarks.Contains(s)) return new(new CorrectionValue("", FieldStatus.Blank), null);
        if (field.Type == FieldType.Text) return new(new CorrectionValue(s, FieldStatus.Ok), null);
        if (Number(s) is { } n)
        {
            if (field.Type == FieldType.Int && n.Contains('.'))
                return new(null, $"'{typed.Trim()}' is not a whole number, and {field.Id} is a count");
            return new(new CorrectionValue(n, FieldStatus.Ok), null);
        }
        if (asText) return new(new CorrectionValue(s, FieldStatus.Text), null);
        return new(null, $"'{typed.Trim()}' is not a number, and {field.Id} takes a number ({field.Type.ToString().ToLowerInvariant()}): " +
                         $"type digits (a sign and decimals as printed), '-' for a blank cell, or mark it as text if the cell holds a sentence");
    }

    /// <summary>The status a stored correction gives its field: what the value is now.</summary>
    public static FieldStatus StatusOf(string value, FieldDefinition field) =>
        value.Length == 0 ? FieldStatus.Blank
        : field.Type == FieldType.Text || NumberText.Value(value) is not null ? FieldStatus.Ok
        : FieldStatus.Text;

    /// <summary>How a stored correction is written back into review.csv's corrected_value, so that importing it again changes nothing.</summary>
    public static string AsTyped(string value, FieldDefinition field) =>
        StatusOf(value, field) switch { FieldStatus.Blank => "-", FieldStatus.Text => TextPrefix + " " + value, _ => value };

    /// <summary>The canonical number a person typed, or null: full-width forms folded, thousands separators dropped.</summary>
    private static string? Number(string s)
    {
        var folded = new StringBuilder(s.Length);
        foreach (var c in s)
            folded.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '－' or '−' => '-',
                '＋' => '+',
                '．' or '。' => '.',
                '，' => ',',
                _ => c,
            });
        var t = folded.ToString();
        if (!Plain().IsMatch(t)) return null;
        return NumberText.Canonical(t.TrimStart('+'));
    }

    private static string Collapse(string s) => Whitespace().Replace(s.Replace('\u00a0', ' '), " ").Trim();

    /// <summary>A sign, digits with or without groups of three separated by commas, and a decimal part.</summary>
    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
