using ExtractReports.Outputs;

namespace ExtractReports.Crawl;

/// <summary>One row of sources.csv: an agency and its report list page (the 政府信息公开年报 column of its site).</summary>
public sealed record AgencySource(string Agency, Uri ListPage)
{
    /// <summary>Reads sources.csv (columns agency,url; more columns allowed). Rows with a bad URL are returned as problems.</summary>
    public static (List<AgencySource> Sources, List<string> Problems) Read(string path)
    {
        var sources = new List<AgencySource>();
        var problems = new List<string>();
        int row = 1;
        foreach (var r in CsvRows.Read(path))
        {
            row++;
            if (!r.TryGetValue("agency", out var agency) || !r.TryGetValue("url", out var url))
            {
                problems.Add($"{path}: the columns agency and url are needed");
                break;
            }
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") sources.Add(new AgencySource(agency.Trim(), uri));
            else problems.Add($"{path}, row {row}: '{url}' is not an http(s) address");
        }
        return (sources, problems);
    }
}
