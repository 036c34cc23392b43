using System.Globalization;
using ExtractReports.Schema;

namespace ExtractReports.CorpusGen.Model;

public enum Scale { Tiny, Small, Medium, Large }

/// <summary>How a report prints the zero cells of table 三's organisation columns.</summary>
public enum Blanks { None, Empty, Dash, Slash }

/// <summary>An identity the source itself breaks (the truth keeps the printed values).</summary>
public enum Inconsistency { None, T3RowTotal, T3Column, T4Total }

/// <summary>What a corpus document is made of; the seed fixes every random choice.</summary>
public sealed record DocSpec(string Name, ReportFormat T2, ReportFormat T3, int Seed)
{
    public Scale Scale { get; init; } = Scale.Small;
    public Blanks Blanks { get; init; } = Blanks.None;
    public Inconsistency Inconsistency { get; init; } = Inconsistency.None;
    /// <summary>Bracketed notes inside some table 二 numeric cells (`22（其中修订16件）`).</summary>
    public bool Notes { get; init; }
    /// <summary>A sentence printed in table 二's 行政处罚 cell instead of a number.</summary>
    public bool SentenceCell { get; init; }
    /// <summary>Keep every table 四 value below ten (for dumps whose digits run together).</summary>
    public bool SingleDigitT4 { get; init; }
    /// <summary>
    /// Gives 予以公开 the cells 1 | 10 and 本机关不掌握 the cells 11 | 0 under 自然人 | 商业企业: run
    /// together both read `110`, and swapping the two readings keeps every identity (genuinely ambiguous).
    /// </summary>
    public bool AmbiguousPair { get; init; }
    public int? Year { get; init; }
    /// <summary>Table 三 rows whose values are all zero printed with their label and no numbers (blank cells).</summary>
    public bool BlankRows { get; init; }
    /// <summary>An empty template: every cell of the three tables printed blank.</summary>
    public bool EmptyTemplate { get; init; }
    /// <summary>Table 二's 本年增/减 cells printed with words or signs (`增12`, `减3`, `+2`, `-1`).</summary>
    public bool ChangeWords { get; init; }
    /// <summary>No title: the report names itself in its opening sentence (`特编制…年政府信息公开工作年度报告`).</summary>
    public bool Untitled { get; init; }
    /// <summary>How many all-zero rows of table 三 the source leaves out (an older template).</summary>
    public int OmitRows { get; init; }
    /// <summary>A row outside the schema in table 二 (其他主动公开文件).</summary>
    public bool ExtraRow { get; init; }
    /// <summary>The page is cut after table 二.</summary>
    public bool CutAfterT2 { get; init; }
}

/// <summary>Draws realistic report values with all of tables 三 and 四's identities holding.</summary>
public static class ReportGenerator
{
    private static readonly string[] Agencies =
    [
        "嘉兴市卫生健康委员会", "德清县人民政府", "宁波市鄞州区教育局", "绍兴市柯桥区住房和城乡建设局",
        "衢州市市场监督管理局", "丽水市莲都区人民政府", "舟山市自然资源和规划局", "湖州市吴兴区卫生健康局",
        "金华市生态环境局", "台州市黄岩区交通运输局", "温州市瓯海区民政局", "洛阳市人力资源和社会保障局",
        "新乡县人民政府", "开封市祥符区教育体育局", "许昌市财政局", "南阳市卧龙区农业农村局",
        "济宁市任城区人民政府", "泰安市岱岳区卫生健康局", "潍坊市应急管理局", "临沂市兰山区司法局",
        "常州市武进区人民政府", "扬州市邗江区教育局", "盐城市大丰区卫生健康委员会", "泉州市丰泽区市场监督管理局",
        "漳州市龙文区人民政府", "赣州市章贡区住房和城乡建设局", "岳阳县人民政府", "株洲市芦淞区教育局",
        "宜昌市夷陵区卫生健康局", "襄阳市樊城区人民政府", "绵阳市涪城区教育和体育局", "遵义市红花岗区人民政府",
        "曲靖市麒麟区卫生健康局", "大理市人民政府", "桂林市七星区人民政府", "柳州市城中区教育局",
        "江门市新会区人民政府", "惠州市惠阳区卫生健康局", "佛山市南海区自然资源局", "芜湖市鸠江区人民政府",
        "安庆市宜秀区城市管理局", "九江市濂溪区人民政府", "德阳市旌阳区卫生健康局", "宝鸡市渭滨区教育局",
        "咸阳市秦都区人民政府", "银川市金凤区人民政府", "包头市昆都仑区卫生健康委员会", "大同市平城区教育局",
    ];

    private static readonly string[] Places = ["政府门户网站", "政务公开专栏", "微信公众号", "政务服务网"];

    public static Report Generate(DocSpec spec)
    {
        var rng = new Random(spec.Seed);
        var agency = Agencies[rng.Next(Agencies.Length)];
        var year = spec.Year ?? (spec.T3 == ReportFormat.F2019 && spec.T2 == ReportFormat.F2019
            ? 2019 + rng.Next(2)
            : 2021 + rng.Next(4));
        var alternatives = new List<string>();
        var shortName = ShortName(agency);
        var titleAgency = agency;
        if (shortName != null && rng.Next(4) == 0)
        {
            titleAgency = shortName;
            alternatives.Add(shortName);
        }
        var title = spec.Untitled ? "" : $"{titleAgency}{year}年{(rng.Next(3) == 0 ? "度" : "")}政府信息公开工作年度报告";

        var publish = new DateTime(year + 1, 1, 10).AddDays(rng.Next(60)).AddMinutes(rng.Next(8 * 60, 18 * 60));
        var report = new Report
        {
            Agency = agency,
            AgencyAlternatives = alternatives,
            Year = year,
            T2Format = spec.T2,
            T3Format = spec.T3,
            Title = title,
            PublishDate = publish.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Publisher = PublisherOf(agency),
            Narrative = spec.Untitled ? NamedInSentence(Narrative(rng, agency, year), agency, year) : Narrative(rng, agency, year),
            Closing = Closing(rng, year),
        };
        FillT2(report, spec, rng);
        FillT3(report, spec, rng);
        FillT4(report, spec, rng);
        ApplyBlanks(report, spec, rng);
        ApplyInconsistency(report, spec, rng);
        ApplyPrintedForms(report, spec, rng);
        return report;
    }

    private static string? ShortName(string agency) =>
        agency.EndsWith("卫生健康委员会") ? agency.Replace("卫生健康委员会", "卫健委")
        : agency.EndsWith("住房和城乡建设局") ? agency.Replace("住房和城乡建设局", "住建局")
        : agency.EndsWith("市场监督管理局") ? agency.Replace("市场监督管理局", "市场监管局")
        : null;

    private static string PublisherOf(string agency)
    {
        // 信息来源 on agency sites is the office's short name, never the full title.
        var i = agency.IndexOfAny(['市', '县']);
        return i >= 0 && i + 1 < agency.Length ? agency[(i + 1)..] : agency;
    }

    private static int LogUniform(Random rng, int max) =>
        max <= 0 ? 0 : (int)Math.Round(Math.Exp(rng.NextDouble() * Math.Log(max + 1)) - 1);

    private static string Decimal(Random rng, int maxInt, int digits)
    {
        var v = rng.NextDouble() * maxInt;
        return v.ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    /// <summary>DESIGN.md: decimals as printed, trailing zeros dropped (`0.0000` -> `0`).</summary>
    public static string TrimDecimal(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }

    private static void FillT2(Report r, DocSpec spec, Random rng)
    {
        var cityGov = r.Agency.EndsWith("人民政府") && rng.Next(2) == 0;
        if (spec.T2 == ReportFormat.F2021)
        {
            var rulesIssued = cityGov ? rng.Next(3) : 0;
            r.Set("t2.rules.issued", rulesIssued.ToString());
            r.Set("t2.rules.repealed", (cityGov ? rng.Next(2) : 0).ToString());
            r.Set("t2.rules.in_force", (cityGov ? rulesIssued + rng.Next(30) : 0).ToString());
            var nIssued = rng.Next(4) == 0 ? 0 : rng.Next(1, 16);
            var nRepealed = rng.Next(3) == 0 ? 0 : rng.Next(1, 8);
            var nInForce = nIssued + rng.Next(2, 90);
            r.Set("t2.normative.issued", nIssued.ToString());
            if (spec.Notes && nRepealed > 0)
                r.Set("t2.normative.repealed", $"{nRepealed}（含自然失效{rng.Next(1, nRepealed + 1)}件）", nRepealed.ToString());
            else r.Set("t2.normative.repealed", nRepealed.ToString());
            if (spec.Notes)
                r.Set("t2.normative.in_force", $"{nInForce}（其中修订{rng.Next(1, Math.Min(nInForce, 20) + 1)}件）", nInForce.ToString());
            else r.Set("t2.normative.in_force", nInForce.ToString());
            r.Set("t2.licensing.decisions", LogUniform(rng, 6500).ToString());
            if (spec.SentenceCell)
            {
                var s = $"一般程序案件{rng.Next(5, 60)}起，罚没{Decimal(rng, 2000, 4)}万元，简易程序案件{rng.Next(1, 40)}起";
                r.Set("t2.penalty.decisions", s);
            }
            else r.Set("t2.penalty.decisions", LogUniform(rng, 1500).ToString());
            r.Set("t2.coercion.decisions", (rng.Next(3) == 0 ? 0 : LogUniform(rng, 60)).ToString());
            // Fees are in 万元 with up to six decimals; trailing zeros are printed and dropped in truth.
            var fee = rng.Next(5) switch
            {
                0 => "0",
                1 => "0.0000",
                2 => Decimal(rng, 60, 4),
                3 => Decimal(rng, 30000, 6),
                _ => Decimal(rng, 500, 2) + "00",
            };
            r.Set("t2.fees.amount", fee, TrimDecimal(fee));
        }
        else
        {
            r.Set("t2.rules.new_made", "0");
            r.Set("t2.rules.new_published", "0");
            r.Set("t2.rules.total_published", (cityGov ? rng.Next(1, 12) : 0).ToString());
            var made = rng.Next(4) == 0 ? 0 : rng.Next(1, 20);
            r.Set("t2.normative.new_made", made.ToString());
            r.Set("t2.normative.new_published", (made > 0 && rng.Next(4) == 0 ? made - 1 : made).ToString());
            var total = made + rng.Next(5, 120);
            if (spec.Notes) r.Set("t2.normative.total_published", $"{total}（其中修订{rng.Next(1, 17)}件）", total.ToString());
            else r.Set("t2.normative.total_published", total.ToString());
            foreach (var (prefix, maxItems, maxDecisions) in new[]
                     { ("t2.licensing", 400, 6000), ("t2.other_services", 60, 300), ("t2.penalty", 3000, 900), ("t2.coercion", 130, 40) })
            {
                var items = rng.Next(3, maxItems);
                var change = rng.Next(3) == 0 ? 0 : rng.Next(-Math.Min(items, 12), 15);
                r.Set($"{prefix}.prev_items", items.ToString());
                r.Set($"{prefix}.change", change.ToString(CultureInfo.InvariantCulture));
                r.Set($"{prefix}.decisions", (rng.Next(5) == 0 ? 0 : LogUniform(rng, maxDecisions)).ToString());
            }
            if (spec.SentenceCell)
                r.Set("t2.penalty.decisions", $"全年办理行政处罚案件{rng.Next(20, 300)}件，均已在门户网站公示");
            r.Set("t2.fees.prev_items", rng.Next(0, 36).ToString());
            r.Set("t2.fees.change", (rng.Next(3) == 0 ? -rng.Next(1, 4) : 0).ToString(CultureInfo.InvariantCulture));
            var items2 = rng.Next(4) == 0 ? 0 : rng.Next(1, 150);
            r.Set("t2.procurement.items", items2.ToString());
            var amount = items2 == 0 ? "0" : rng.Next(3) switch
            {
                0 => Decimal(rng, 90_000_000, 2),
                1 => Decimal(rng, 3000, 2),
                _ => Decimal(rng, 900, 4),
            };
            // The amount column has no unit in the national format, so agencies print one in the cell.
            var printed = amount != "0" && rng.Next(2) == 0 ? amount + (amount.Length > 10 ? "元" : "万元") : amount;
            r.Set("t2.procurement.amount", printed, TrimDecimal(amount));
        }
    }

    private static void FillT3(Report r, DocSpec spec, Random rng)
    {
        var rows = Layout.T3(spec.T3);
        var results = rows.Where(x => x.Prefix != "t3.new_requests" && x.Prefix != "t3.carried_over"
            && x.Prefix != "t3.total_handled" && x.Prefix != "t3.carried_forward").ToList();
        // Weights of the result rows: most requests are granted or 不掌握; a few in every other row.
        double Weight(string prefix) => prefix switch
        {
            "t3.granted" => 0.36,
            "t3.partially_granted" => 0.08,
            "t3.unavailable.not_held" => 0.2,
            "t3.unavailable.unclear" => 0.04,
            "t3.unavailable.needs_creation" => 0.03,
            "t3.not_processed.petition" => 0.04,
            "t3.not_processed.duplicate" => 0.04,
            "t3.other" => 0.12,
            "t3.other.overdue_correction" => 0.05,
            "t3.other.other" => 0.07,
            "t3.withheld.third_party" => 0.025,
            "t3.withheld.process_info" => 0.02,
            "t3.withheld.internal_affairs" => 0.015,
            _ => 0.006,
        };
        var weights = results.Select(x => Weight(x.Prefix)).ToArray();
        var columns = TableTemplates.ApplicantColumns.Take(6).ToArray();
        var values = new Dictionary<string, int>();
        var (natMax, orgMax) = spec.Scale switch
        {
            Scale.Tiny => (4, 1),
            Scale.Small => (14, 3),
            Scale.Medium => (80, 12),
            _ => (700, 60),
        };
        for (var c = 0; c < columns.Length; c++)
        {
            int newReq;
            if (c == 0) newReq = rng.Next(spec.Scale == Scale.Tiny ? 0 : 1, natMax + 1);
            else if (c == 2 || c == 3) newReq = rng.Next(6) == 0 ? rng.Next(1, Math.Max(2, orgMax / 3) + 1) : 0;
            else newReq = rng.Next(3) == 0 ? rng.Next(1, orgMax + 1) : 0;
            var carried = newReq > 0 && rng.Next(3) == 0 ? rng.Next(0, Math.Max(1, newReq / 6) + 1) : 0;
            var forward = newReq + carried > 0 && rng.Next(3) == 0 ? rng.Next(0, Math.Max(1, (newReq + carried) / 8) + 1) : 0;
            var handled = newReq + carried - forward;
            var counts = new int[results.Count];
            for (var i = 0; i < handled; i++) counts[Pick(rng, weights)]++;
            values[$"t3.new_requests.{columns[c]}"] = newReq;
            values[$"t3.carried_over.{columns[c]}"] = carried;
            values[$"t3.carried_forward.{columns[c]}"] = forward;
            values[$"t3.total_handled.{columns[c]}"] = handled;
            for (var i = 0; i < results.Count; i++) values[$"{results[i].Prefix}.{columns[c]}"] = counts[i];
        }
        if (spec.AmbiguousPair)
        {
            values["t3.granted.natural_person"] = 1;
            values["t3.granted.commercial"] = 10;
            values["t3.unavailable.not_held.natural_person"] = 11;
            values["t3.unavailable.not_held.commercial"] = 0;
            foreach (var c in columns.Take(2))
            {
                var handled = results.Sum(x => values[$"{x.Prefix}.{c}"]);
                values[$"t3.total_handled.{c}"] = handled;
                values[$"t3.carried_over.{c}"] = Math.Min(values[$"t3.carried_over.{c}"], handled);
                values[$"t3.new_requests.{c}"] = handled + values[$"t3.carried_forward.{c}"] - values[$"t3.carried_over.{c}"];
            }
        }
        foreach (var row in rows)
        {
            var sum = columns.Sum(c => values[$"{row.Prefix}.{c}"]);
            values[$"{row.Prefix}.total"] = sum;
            foreach (var f in row.Fields) r.Set(f, values[f].ToString());
        }
    }

    private static int Pick(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    private static void FillT4(Report r, DocSpec spec, Random rng)
    {
        var active = rng.Next(4) != 0;
        foreach (var (prefix, _) in Layout.T4Groups)
        {
            var cells = new int[4];
            if (active)
                for (var i = 0; i < 4; i++)
                    cells[i] = rng.Next(3) == 0 ? rng.Next(1, spec.SingleDigitT4 ? 3 : i == 0 ? 9 : 4) : 0;
            var cols = TableTemplates.ResultColumns;
            for (var i = 0; i < 4; i++) r.Set($"{prefix}.{cols[i]}", cells[i].ToString());
            r.Set($"{prefix}.total", cells.Sum().ToString());
        }
    }

    private static void ApplyBlanks(Report r, DocSpec spec, Random rng)
    {
        if (spec.Blanks == Blanks.None) return;
        var mark = spec.Blanks switch { Blanks.Empty => "", Blanks.Dash => "—", _ => "/" };
        foreach (var row in Layout.T3(spec.T3))
            foreach (var f in row.Fields.Skip(1).Take(5))
                if (r.Truth[f] == "0") r.Set(f, mark, "");
    }

    /// <summary>How agencies really print their tables (issue class 1, 2, 6, 7, 9): the truth follows what is printed.</summary>
    private static void ApplyPrintedForms(Report r, DocSpec spec, Random rng)
    {
        var rows = Layout.T3(spec.T3);
        bool AllZero(T3Row row) => row.Fields.All(f => r.Truth[f] == "0");
        if (spec.EmptyTemplate)
            foreach (var table in new[] { "t2", "t3", "t4" })
                foreach (var f in r.FieldsOf(table)) r.Set(f.Id, "", "");
        if (spec.BlankRows)
            foreach (var row in rows.Where(AllZero))
                foreach (var f in row.Fields) r.Set(f, "", "");
        if (spec.ChangeWords)
            foreach (var f in r.FieldsOf("t2").Where(f => f.Id.EndsWith(".change")))
            {
                var v = int.Parse(r.Truth[f.Id], CultureInfo.InvariantCulture);
                var printed = v == 0 ? "0" : rng.Next(2) == 0 ? (v > 0 ? $"增{v}" : $"减{-v}") : (v > 0 ? $"+{v}" : $"{v}");
                r.Set(f.Id, printed, v.ToString(CultureInfo.InvariantCulture));
            }
        if (spec.OmitRows > 0)
            r.OmittedT3Rows = rows.Where(x => x.Level == 2 && AllZero(x)).OrderBy(_ => rng.Next()).Take(spec.OmitRows).Select(x => x.Prefix).ToHashSet();
        if (spec.ExtraRow)
            r.ExtraT2Row = ("其他主动公开文件", Enumerable.Range(0, 3).Select(_ => rng.Next(1, 40).ToString(CultureInfo.InvariantCulture)).ToList());
        r.CutAfterT2 = spec.CutAfterT2;
    }

    private static void ApplyInconsistency(Report r, DocSpec spec, Random rng)
    {
        switch (spec.Inconsistency)
        {
            case Inconsistency.T3RowTotal:
            {
                var row = Layout.T3(spec.T3).First(x => x.Level > 0 && r.Truth[$"{x.Prefix}.total"] != "0");
                var f = $"{row.Prefix}.total";
                var printed = (int.Parse(r.Truth[f]) + 1).ToString();
                r.Set(f, printed);
                r.SourceInconsistencies.Add($"{f}: 总计 printed {printed}, one more than the sum of its applicant columns");
                break;
            }
            case Inconsistency.T3Column:
            {
                foreach (var c in new[] { "natural_person", "total" })
                {
                    var f = $"t3.carried_forward.{c}";
                    r.Set(f, (int.Parse(r.Truth[f]) + 2).ToString());
                }
                r.SourceInconsistencies.Add("t3.carried_forward: 自然人 and 总计 printed 2 more than 新收 + 上年结转 - （七）总计");
                break;
            }
            case Inconsistency.T4Total:
            {
                var f = "t4.review.total";
                var printed = (int.Parse(r.Truth[f]) + 1).ToString();
                r.Set(f, printed);
                r.SourceInconsistencies.Add($"{f}: printed {printed}, one more than the sum of the four results");
                break;
            }
        }
    }

    /// <summary>An untitled report names itself in its opening sentence, as many agency pages do.</summary>
    private static IReadOnlyList<string> NamedInSentence(IReadOnlyList<string> narrative, string agency, int year) =>
        [$"为做好政府信息公开工作，依据《中华人民共和国政府信息公开条例》，特编制{agency}{year}年政府信息公开工作年度报告。", .. narrative.Skip(1)];

    private static IReadOnlyList<string> Narrative(Random rng, string agency, int year)
    {
        var place = Places[rng.Next(Places.Length)];
        var n1 = rng.Next(80, 2600);
        var paragraphs = new List<string>
        {
            $"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，由{agency}编制。报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在{agency}{place}查阅或下载。如对本报告有疑问，请与{agency}办公室联系（电话：0{rng.Next(310, 999)}-{rng.Next(2000000, 8999999)}）。",
            "一、总体情况",
            $"{year}年，{agency}深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，坚持“以公开为常态、不公开为例外”原则，围绕中心工作，不断深化公开内容，拓宽公开渠道，规范依申请公开办理，政务公开工作取得新成效。",
            "（一）主动公开",
            $"全年通过{place}主动公开政府信息{n1}条，其中政策文件{rng.Next(5, 60)}条，工作动态{rng.Next(40, 900)}条，财政预决算信息{rng.Next(3, 30)}条，人事信息{rng.Next(1, 20)}条。及时更新机构职能、领导信息、办事指南等基础信息，确保公开信息全面、准确、及时。",
            "（二）依申请公开",
            $"严格执行依申请公开受理、审查、办理、答复等各环节工作流程，做到依法依规、按时答复。对申请内容不明确的，及时告知申请人补正；对需要征求第三方意见的，依法征求意见。全年无因依申请公开答复不当引发的投诉。",
            "（三）政府信息管理",
            "落实公文公开属性源头认定机制，严格执行信息发布保密审查制度，坚持“先审查、后公开”和“谁公开、谁审查、谁负责”的原则，切实把好政治关、政策关和文字关，全年未发生泄密事件。",
            "（四）政府信息公开平台建设",
            $"充分发挥政府网站第一平台作用，优化栏目设置，及时更新政府信息公开专栏内容；加强政务新媒体管理，“{agency[..Math.Min(4, agency.Length)]}发布”微信公众号全年推送信息{rng.Next(100, 900)}条。",
            "（五）监督保障",
            "成立政务公开工作领导小组，明确分管领导和具体工作人员，将政务公开工作纳入年度目标考核，组织开展业务培训2次，不断提升工作人员业务能力。",
        };
        return paragraphs;
    }

    private static IReadOnlyList<string> Closing(Random rng, int year) =>
    [
        "五、存在的主要问题及改进情况",
        $"{year}年，我单位政府信息公开工作取得了一定成效，但也存在一些不足：一是公开内容的深度和广度有待拓展；二是政策解读形式较为单一；三是工作人员业务水平有待提高。{year + 1}年，我们将进一步加强组织领导，丰富解读形式，加强业务培训，推动政务公开工作再上新台阶。",
        "六、其他需要报告的事项",
        rng.Next(2) == 0
            ? "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
            : "（一）本年度未收取政府信息公开信息处理费。（二）本年度无其他需要报告的事项。",
    ];
}
