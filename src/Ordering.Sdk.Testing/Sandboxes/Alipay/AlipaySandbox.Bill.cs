using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ordering.Sdk.Testing.Alipay;

// The daily trade bill: a zip of two GBK CSV files (业务明细 detail and 业务明细(汇总) summary) in Alipay's layout:
// comment header, 25-column detail header, tab-padded rows, end marker, 交易合计/退款合计 totals, 导出时间.
public sealed partial class AlipaySandbox
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    private const string DetailHeader =
        "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    /// <summary>Renders the trade bill of a China-time day as Alipay serves it (zip of GBK CSV files).</summary>
    /// <param name="day">The day, China Standard Time.</param>
    /// <returns>The zip bytes.</returns>
    public byte[] RenderBill(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
        var end = start.AddDays(1);
        var rows = new List<(DateTimeOffset At, string Line, long Fen)>();
        lock (_lock)
        {
            foreach (var trade in _trades.Values)
            {
                Advance(trade);
                if (trade.PaidAt is { } paidAt && paidAt >= start && paidAt < end)
                {
                    rows.Add((paidAt, Row(trade, "交易", trade.PaidFen, trade.CreatedAt, paidAt, string.Empty), trade.PaidFen));
                }

                foreach (var (number, refund) in trade.Refunds)
                {
                    if (refund.At >= start && refund.At < end)
                    {
                        rows.Add((refund.At, Row(trade, "退款", -refund.Fen, trade.CreatedAt, refund.At, number), -refund.Fen));
                    }
                }
            }
        }

        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var account = _options.SellerId + "0156";
        var period = "#起始日期：[" + ChineseDate(start) + "]   终止日期：[" + ChineseDate(end) + "]\r\n";
        var exported = "#导出时间：[" + ChineseDate(_time.GetUtcNow()) + "]\r\n";
        var detail = new StringBuilder();
        detail.Append("#支付宝业务明细查询\r\n#账号：[").Append(account).Append("]\r\n").Append(period);
        detail.Append("#-----------------------------------------业务明细列表----------------------------------------\r\n");
        detail.Append(DetailHeader).Append("\r\n");
        foreach (var (_, line, _) in rows.OrderBy(r => r.At))
        {
            detail.Append(line).Append("\r\n");
        }

        var payments = rows.Where(r => r.Fen > 0).ToList();
        var refunds = rows.Where(r => r.Fen < 0).ToList();
        detail.Append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        detail.Append("#交易合计：").Append(payments.Count.ToString(CultureInfo.InvariantCulture)).Append("笔，商家实收共").Append(Signed(payments.Sum(r => r.Fen))).Append("元，商家优惠共0.00元\r\n");
        detail.Append("#退款合计：").Append(refunds.Count.ToString(CultureInfo.InvariantCulture)).Append("笔，商家实收退款共").Append(Signed(refunds.Sum(r => r.Fen))).Append("元，商家优惠退款共0.00元\r\n");
        detail.Append(exported);

        var net = Signed(rows.Sum(r => r.Fen));
        var summary = new StringBuilder();
        summary.Append("#支付宝业务汇总查询\r\n#账号：[").Append(account).Append("]\r\n").Append(period);
        summary.Append("#-----------------------------------------业务汇总列表----------------------------------------\r\n");
        summary.Append("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）\r\n");
        summary.Append("合计,,").Append(payments.Count.ToString(CultureInfo.InvariantCulture)).Append(',').Append(refunds.Count.ToString(CultureInfo.InvariantCulture))
            .Append(',').Append(net).Append(',').Append(net).Append(",0.00,0.00,0.00,0.00,0.00,").Append(net).Append("\r\n");
        summary.Append("#----------------------------------------业务汇总列表结束-------------------------------------\r\n");
        summary.Append(exported);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, account + "_" + date + "_业务明细.csv", detail.ToString());
            Write(zip, account + "_" + date + "_业务明细(汇总).csv", summary.ToString());
        }

        return buffer.ToArray();
    }

    private LoopbackHttpResponse ServeBill(string path)
    {
        var name = path["/bill/".Length..];
        if (!name.EndsWith(".zip", StringComparison.Ordinal)
            || !DateOnly.TryParseExact(name[..^4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new LoopbackHttpResponse(404, Encoding.UTF8.GetBytes("no such bill"), "text/plain");
        }

        return new LoopbackHttpResponse(200, RenderBill(day), "application/zip");
    }

    // Alipay pads the text fields with a trailing tab (so spreadsheets keep long numbers as text); amounts are bare.
    private static string Row(SandboxTrade trade, string kind, long fen, DateTimeOffset created, DateTimeOffset finished, string refundNumber) =>
        string.Join(
            ',',
            trade.TradeNo + "\t",
            trade.OutTradeNo + "\t",
            kind + "\t",
            trade.Subject,
            ChinaTime(created),
            ChinaTime(finished),
            "\t",
            "\t",
            "\t",
            "\t",
            "cus***@example.com\t",
            Signed(fen),
            Signed(fen),
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            string.Empty,
            "0.00\t",
            "0.00",
            refundNumber + "\t",
            "0.00",
            "0.00",
            string.Empty);

    private static string Signed(long fen) => (fen < 0 ? "-" : string.Empty) + SandboxCrypto.Yuan(Math.Abs(fen));

    // The bill's own date format: 2019年09月16日 00:00:00, China time.
    private static string ChineseDate(DateTimeOffset instant) =>
        instant.ToOffset(ChinaOffset).ToString("yyyy'年'MM'月'dd'日' HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Write(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name);
        using var stream = entry.Open();
        var bytes = Gbk.GetBytes(text);
        stream.Write(bytes);
    }
}
