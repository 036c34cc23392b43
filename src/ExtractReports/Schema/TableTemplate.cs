namespace ExtractReports.Schema;

/// <summary>
/// An expected row of a statistical table: the field-id prefix, the label phrases that identify it
/// (normalized, see <see cref="LabelText.Normalize"/>), and its column suffixes in printed order.
/// </summary>
public sealed record TemplateRow(string Prefix, IReadOnlyList<string> Keys, IReadOnlyList<string> Columns)
{
    // Both derived lists are built once, with the row (the readers use them for every cell of every
    // document); a `with` copy would keep the old ones, so a changed row is made with `new`.

    /// <summary>The keys normalized once, for matching.</summary>
    public IReadOnlyList<string> NormalizedKeys { get; } = Keys.Select(LabelText.Normalize).ToArray();

    /// <summary>The field id of each column, `prefix.column`.</summary>
    public IReadOnlyList<string> FieldIds { get; } = Columns.Select(c => $"{Prefix}.{c}").ToArray();

    public string FieldId(int column) => FieldIds[column];
}

/// <summary>The expected rows of one table in one format, in printed order.</summary>
public sealed record TableTemplate(string Table, ReportFormat Format, IReadOnlyList<TemplateRow> Rows);

/// <summary>
/// The fixed layouts of tables 二, 三 and 四 in both national formats. Field ids are built from
/// these prefixes and suffixes and checked against the schema by the tests.
/// </summary>
public static class TableTemplates
{
    public static readonly IReadOnlyList<string> ApplicantColumns =
        ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"];

    public static readonly IReadOnlyList<string> ResultColumns = ["upheld", "corrected", "other", "pending", "total"];

    private static TemplateRow T3(string prefix, params string[] keys) => new($"t3.{prefix}", keys, ApplicantColumns);

    // A row whose printed label shares many words with another row's key (上年结转政府信息公开申请数量 and 新收政府信息公开申请;
    // …不再处理其政府信息公开申请 too) has its whole label as a key as well: a label garbled in its own key's characters then
    // still names its own row best, not the row whose key it nearly holds (see DamagedDumpTests).
    private static readonly TemplateRow[] T3Head =
    [
        T3("new_requests", "本年新收", "新收政府信息公开申请"),
        T3("carried_over", "上年结转", "上年结转政府信息公开申请数量"),
        T3("granted", "予以公开"),
        T3("partially_granted", "部分公开"),
        T3("withheld.state_secret", "属于国家秘密", "国家秘密"),
        T3("withheld.prohibited_by_law", "其他法律行政法规禁止公开", "法律行政法规禁止", "其他法律行政"),
        T3("withheld.security_stability", "三安全一稳定", "危及"),
        T3("withheld.third_party", "保护第三方合法权益", "第三方合法"),
        T3("withheld.internal_affairs", "属于三类内部事务信息", "三类内部事务"),
        T3("withheld.process_info", "属于四类过程性信息", "四类过程性"),
        T3("withheld.enforcement_files", "属于行政执法案卷", "行政执法案卷"),
        T3("withheld.query_matters", "属于行政查询事项", "行政查询事项"),
        T3("unavailable.not_held", "本机关不掌握相关政府信息", "不掌握相关"),
        T3("unavailable.needs_creation", "没有现成信息需要另行制作", "没有现成信息"),
        T3("unavailable.unclear", "补正后申请内容仍不明确", "补正后申请"),
        T3("not_processed.petition", "信访举报投诉类申请", "信访举报"),
        T3("not_processed.duplicate", "重复申请"),
        T3("not_processed.publication", "要求提供公开出版物", "公开出版物"),
        T3("not_processed.excessive", "无正当理由大量反复申请", "大量反复"),
        T3("not_processed.reconfirm", "要求行政机关确认或重新出具已获取信息", "确认或重新出具"),
    ];

    private static readonly TemplateRow[] T3Tail =
    [
        T3("total_handled", "(七)总计", "七)总计"),
        T3("carried_forward", "结转下年度继续办理", "结转下年度"),
    ];

    public static readonly TableTemplate T3F2021 = new("t3", ReportFormat.F2021,
    [
        .. T3Head,
        T3("other.overdue_correction", "逾期不补正", "无正当理由逾期", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        T3("other.unpaid_fee", "逾期未按收费通知要求缴纳费用", "收费通知", "逾期未按", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        T3("other.other", "3.其他"),
        .. T3Tail,
    ]);

    public static readonly TableTemplate T3F2019 = new("t3", ReportFormat.F2019,
    [
        .. T3Head,
        T3("other", "(六)其他处理", "其他处理"),
        .. T3Tail,
    ]);

    public static readonly TableTemplate T2F2021 = new("t2", ReportFormat.F2021,
    [
        new("t2.rules", ["规章"], ["issued", "repealed", "in_force"]),
        new("t2.normative", ["规范性文件"], ["issued", "repealed", "in_force"]),
        new("t2.licensing", ["行政许可"], ["decisions"]),
        new("t2.penalty", ["行政处罚"], ["decisions"]),
        new("t2.coercion", ["行政强制"], ["decisions"]),
        new("t2.fees", ["行政事业性收费"], ["amount"]),
    ]);

    public static readonly TableTemplate T2F2019 = new("t2", ReportFormat.F2019,
    [
        new("t2.rules", ["规章"], ["new_made", "new_published", "total_published"]),
        new("t2.normative", ["规范性文件"], ["new_made", "new_published", "total_published"]),
        new("t2.licensing", ["行政许可"], ["prev_items", "change", "decisions"]),
        new("t2.other_services", ["其他对外管理服务事项", "其他对外管理服务"], ["prev_items", "change", "decisions"]),
        new("t2.penalty", ["行政处罚"], ["prev_items", "change", "decisions"]),
        new("t2.coercion", ["行政强制"], ["prev_items", "change", "decisions"]),
        new("t2.fees", ["行政事业性收费"], ["prev_items", "change"]),
        new("t2.procurement", ["政府集中采购"], ["items", "amount"]),
    ]);

    /// <summary>Table 四 is the same in both formats: three groups of five results.</summary>
    public static readonly TableTemplate T4 = new("t4", ReportFormat.F2021,
    [
        new("t4.review", ["行政复议"], ResultColumns),
        new("t4.suit_direct", ["未经复议直接起诉"], ResultColumns),
        new("t4.suit_after_review", ["复议后起诉"], ResultColumns),
    ]);

    public static TableTemplate T2(ReportFormat f) => f == ReportFormat.F2019 ? T2F2019 : T2F2021;
    public static TableTemplate T3(ReportFormat f) => f == ReportFormat.F2019 ? T3F2019 : T3F2021;
}
