using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Testing;

// The trade bill (bill_type=ALL) of a China-time day: backtick-prefixed CSV with a summary, served
// unsigned from a download URL and proven by its SHA1.
public sealed partial class WeChatPaySandbox
{
    private const string BillHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private (int, byte[]) TradeBill(string query)
    {
        var parameters = query.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        if (!parameters.TryGetValue("bill_date", out var dateText) || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (400, Error("PARAM_ERROR", "bill_date格式应为yyyy-MM-dd"));
        }

        var text = BuildBill(day);
        if (text is null)
        {
            return (400, Error("NO_STATEMENT_EXIST", "当日无交易，账单不存在"));
        }

        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5350 // WeChat Pay's bill hash is SHA1.
        var hash = Convert.ToHexStringLower(SHA1.HashData(bytes));
#pragma warning restore CA5350
        if (_faults.Count > 0 && _faults.Peek() == WeChatPaySandboxFault.CorruptBill)
        {
            _faults.Dequeue();
            bytes[^2] ^= 0x01;
        }

        var token = NextId("BILL");
        _bills[token] = bytes;
        var url = new Uri(BaseAddress, "v3/billdownload/file?token=" + token).AbsoluteUri;
        return (200, Json(w =>
        {
            w.WriteString("hash_type", "SHA1");
            w.WriteString("hash_value", hash);
            w.WriteString("download_url", url);
        }));
    }

    private LoopbackHttpResponse DownloadBill(LoopbackHttpRequest request)
    {
        var token = request.Query.StartsWith("token=", StringComparison.Ordinal) ? request.Query[6..] : string.Empty;
        lock (_gate)
        {
            return _bills.TryGetValue(token, out var bytes)
                ? new LoopbackHttpResponse(200, bytes, "text/plain; charset=utf-8")
                : new LoopbackHttpResponse(404, Error("RESOURCE_NOT_EXISTS", "账单下载链接已失效"));
        }
    }

    private string? BuildBill(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China);
        var end = start.AddDays(1);
        var rows = new List<string>();
        long settled = 0;
        long refunded = 0;
        foreach (var trade in _trades.Values.OrderBy(t => t.PaidAt))
        {
            if (trade.PaidAt is { } paidAt && paidAt >= start && paidAt < end && !trade.Reversed)
            {
                rows.Add(Row(paidAt, trade, "SUCCESS", trade.Amount, null, 0));
                settled += trade.Amount;
            }
        }

        foreach (var refund in _refunds.Values.OrderBy(r => r.SucceededAt))
        {
            if (refund.SucceededAt is { } at && at >= start && at < end)
            {
                rows.Add(Row(at, _trades[refund.OutTradeNo], "REFUND", 0, refund, refund.Amount));
                refunded += refund.Amount;
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder(BillHeader).Append("\r\n");
        foreach (var row in rows)
        {
            builder.Append(row).Append("\r\n");
        }

        builder.Append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        builder.Append('`').Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(",`").Append(Yuan(settled)).Append(",`").Append(Yuan(refunded))
            .Append(",`0.00,`0.00,`").Append(Yuan(settled)).Append(",`").Append(Yuan(refunded)).Append("\r\n");
        return builder.ToString();
    }

    private string Row(DateTimeOffset at, SandboxTrade trade, string state, long settled, SandboxRefund? refund, long refundAmount)
    {
        string[] values =
        [
            at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), _options.AppId, _options.MerchantId, "0", string.Empty,
            trade.TransactionId, trade.OutTradeNo, trade.OpenId ?? string.Empty, trade.TradeType, state, "OTHERS", "CNY", Yuan(settled), "0.00",
            refund?.RefundId ?? "0", refund?.OutRefundNo ?? "0", Yuan(refundAmount), "0.00", refund is null ? string.Empty : "ORIGINAL", refund?.Status ?? string.Empty,
            "餐饮消费", string.Empty, "0.00000", "0.60%", Yuan(trade.Amount), Yuan(refundAmount), string.Empty,
        ];
        return string.Join(',', values.Select(v => "`" + v));
    }

    private static string Yuan(long fen) =>
        (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("D2", CultureInfo.InvariantCulture);
}
