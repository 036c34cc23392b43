namespace ExtractReports.Tests.Lines.Html;

/// <summary>Small pages shaped like agency pages, built inline so each test shows what it feeds.</summary>
internal static class HtmlPages
{
    /// <summary>Table 三 of the 2019 format, cut down, with the spans real pages use.</summary>
    public const string Table3 = """
        <table border="1">
        <tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>
            <td colspan="7"><p><span>申请人情况</span></p></td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
        <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>23</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>24</td></tr>
        <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
        <tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>7</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>8</td></tr>
        <tr><td colspan="2"><p>（二）部分公开</p><p>（区分处理的，只计这一情形，不计其他情形）</p></td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
        <tr><td rowspan="8"><p>（三）不予</p><p>公开</p></td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </table>
        """;

    /// <summary>A whole page: site chrome around an article with the title, narrative headings and table 三.</summary>
    public static string ReportPage(string charsetMeta = "<meta charset=\"utf-8\">") => $$"""
        <!DOCTYPE html>
        <html><head>{{charsetMeta}}
        <title>某某市交通运输局2019年政府信息公开工作年度报告_政府信息公开年报_某某市人民政府门户网站</title>
        <style>.nav a { color: red }</style><script>var x = "一、本年新收";</script>
        </head><body>
        <div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
          <li><a href="/a">主动公开</a></li><li><a href="/b">行政复议</a></li></ul></div>
        <div class="sidebar"><h3>政府信息公开年报</h3><a href="/y">2018年政府信息公开工作年度报告</a></div>
        <div class="main">
          <div class="article">
            <div class="info">发布日期：2020-01-20　信息来源：市交通运输局　浏览次数：1234</div>
            <div class="share">分享到：<a>微信</a> <a>微博</a></div>
            <div class="content">
              <p style="text-align:center"><span>某某市交通运输局</span><br/><span>2019年政府信息公开工作年度报告</span></p>
              <p>一、总体情况</p>
              <p>2019年，我局认真贯彻落实《条例》。</p>
              <p>二、主动公开政府信息情况</p>
              <p><span style="font-family:黑体">三、收到和处理政府信息公开申请情况</span>&nbsp;&nbsp;</p>
              {{Table3}}
              <p>四、政府信息公开行政复议、行政诉讼情况</p>
              <p>五、存在的主要问题及改进情况</p>
              <p>六、其他需要报告的事项</p>
            </div>
            <div class="print">【打印本页】 【关闭窗口】</div>
          </div>
        </div>
        <div class="footer">版权所有：某某市人民政府 &nbsp; 网站标识码：1234 &nbsp; 闽ICP备05000000号</div>
        </body></html>
        """;
}
