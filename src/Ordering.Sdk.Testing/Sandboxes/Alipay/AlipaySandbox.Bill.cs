using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ordering.Sdk.Testing.Alipay;

// The daily trade bill: a zip of two GBK CSV files (detail and summary) in Alipay's layout.
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
        var rows = new List<(DateTimeOffset At, string Line)>();
        lock (_lock)
        {
            foreach (var trade in _trades.Values)
            {
                Advance(trade);
                if (trade.PaidAt is { } paidAt && paidAt >= start && paidAt < end)
                {
                    rows.Add((paidAt, Row(trade, "交易", trade.PaidFen, trade.CreatedAt, paidAt, string.Empty)));
                }

                foreach (var (number, refund) in trade.Refunds)
                {
                    if (refund.At >= start && refund.At < end)
                    {
                        rows.Add((refund.At, Row(trade, "退款", -refund.Fen, trade.CreatedAt, refund.At, number)));
                    }
                }
            }
        }

        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var detail = new StringBuilder();
        detail.Append("#支付宝业务明细查询\r\n#账号：[").Append(_options.SellerId).Append("0156]\r\n");
        detail.Append("#起始日期：[").Append(date).Append(" 00:00:00]   终止日期：[").Append(day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(" 00:00:00]\r\n");
        detail.Append("#-----------------------------------------业务明细列表----------------------------------------\r\n");
        detail.Append(DetailHeader).Append("\r\n");
        foreach (var (_, line) in rows.OrderBy(r => r.At))
        {
            detail.Append(line).Append("\r\n");
        }

        detail.Append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        detail.Append("#导出时间：[").Append(ChinaTime(_time.GetUtcNow())).Append("]\r\n");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, _options.SellerId + "0156_" + date + "_业务明细.csv", detail.ToString());
            Write(zip, _options.SellerId + "0156_" + date + "_业务明细(汇总).csv", "#支付宝业务汇总查询\r\n门店编号,门店名称,交易订单总笔数,退款订单总笔数\r\n合计," + rows.Count.ToString(CultureInfo.InvariantCulture) + "\r\n");
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

    private static string Row(SandboxTrade trade, string kind, long fen, DateTimeOffset created, DateTimeOffset finished, string refundNumber) =>
        string.Join(
            ',',
            trade.TradeNo + "\t",
            trade.OutTradeNo + "\t",
            kind,
            trade.Subject,
            ChinaTime(created),
            ChinaTime(finished),
            string.Empty,
            string.Empty,
            string.Empty,
            string.Empty,
            "cus***@example.com",
            (fen < 0 ? "-" : string.Empty) + SandboxCrypto.Yuan(Math.Abs(fen)),
            (fen < 0 ? "-" : string.Empty) + SandboxCrypto.Yuan(Math.Abs(fen)),
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            "0.00",
            string.Empty,
            "0.00",
            "0.00",
            refundNumber,
            "0.00",
            "0.00",
            string.Empty);

    private static void Write(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name);
        using var stream = entry.Open();
        var bytes = Gbk.GetBytes(text);
        stream.Write(bytes);
    }
}
