namespace ExtractReports.Tests.Tables;

/// <summary>Writes one damaged report to a file, to look at a failure of the property by hand (EXTRACTREPORTS_DUMP_REPORT=format,seed,html,Kind@row.cell;...).</summary>
public sealed class DamagedReportDump
{
    [Fact]
    public void Dump_a_report_when_asked()
    {
        var spec = Environment.GetEnvironmentVariable("EXTRACTREPORTS_DUMP_REPORT");
        if (string.IsNullOrEmpty(spec)) return;
        var p = spec.Split(',');
        var damages = p.Length > 3 && p[3].Length > 0
            ? p[3].Split(';').Select(d => { var k = d.Split('@'); var rc = k[1].Split('.'); return new Damage(Enum.Parse<DamageKind>(k[0]), int.Parse(rc[0]), int.Parse(rc[1])); }).ToArray()
            : [];
        var rendered = RandomReports.Render(new RandomReport(p[0] == "2019" ? ExtractReports.Schema.ReportFormat.F2019 : ExtractReports.Schema.ReportFormat.F2021, int.Parse(p[1]), p[2] == "html", damages));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), rendered.FileName), rendered.Bytes);
    }
}
