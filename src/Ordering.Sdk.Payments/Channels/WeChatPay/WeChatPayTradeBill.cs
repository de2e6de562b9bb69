using System.Globalization;

namespace Ordering.Sdk.Payments;

// The trade bill (交易账单, bill_type=ALL): a header row, one row per payment or refund with every value
// prefixed by a backtick, then a summary header and row. Columns are found by name, amounts are yuan
// strings converted to fen exactly, times are China Standard Time.
internal static class WeChatPayTradeBill
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <exception cref="ChannelBillException">A row is malformed; the message names the line and column.</exception>
    public static ChannelBill Parse(string text, DateOnly day)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new ChannelBillException("WeChat Pay bill: the header row is missing.");
        }

        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 ? index : throw new ChannelBillException("WeChat Pay bill: column '" + name + "' is missing from the header.");
        }

        var time = Column("交易时间");
        var transactionId = Column("微信订单号");
        var outTradeNo = Column("商户订单号");
        var state = Column("交易状态");
        var settled = Column("应结订单金额");
        var outRefundNo = Column("商户退款单号");
        var refundAmount = Column("退款金额");
        var records = new List<ChannelBillRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('`'))
            {
                // The summary header ("总交易单数,…") ends the detail rows.
                break;
            }

            var fields = line.Split(',');
            if (fields.Length < header.Length)
            {
                throw new ChannelBillException(string.Create(CultureInfo.InvariantCulture, $"WeChat Pay bill line {i + 1}: {fields.Length} columns, the header has {header.Length}."));
            }

            string Field(int index) => fields[index].TrimStart('`').Trim();
            var at = ParseTime(Field(time), i);
            switch (Field(state))
            {
                case "SUCCESS":
                    records.Add(new ChannelBillRecord(PaymentChannelId.WeChatPay, ChannelBillRecordKind.Payment, Field(outTradeNo), Field(transactionId), ParseYuan(Field(settled), i, "应结订单金额"), at));
                    break;
                case "REFUND":
                    records.Add(new ChannelBillRecord(PaymentChannelId.WeChatPay, ChannelBillRecordKind.Refund, Field(outTradeNo), Field(transactionId), ParseYuan(Field(refundAmount), i, "退款金额"), at, Field(outRefundNo)));
                    break;
                default:
                    // REVOKED / closed trades moved no money.
                    break;
            }
        }

        return new ChannelBill(PaymentChannelId.WeChatPay, day, records);
    }

    // "12.34" yuan → 1234 fen, exactly: decimal, never double; more than two decimals is an error.
    internal static Money ParseYuan(string text, int line, string column)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
        {
            throw new ChannelBillException(string.Create(CultureInfo.InvariantCulture, $"WeChat Pay bill line {line + 1}: {column} '{text}' is not an amount."));
        }

        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ChannelBillException(string.Create(CultureInfo.InvariantCulture, $"WeChat Pay bill line {line + 1}: {column} '{text}' has more than two decimals."));
        }

        return Money.Fen(checked((long)fen));
    }

    private static DateTimeOffset ParseTime(string text, int line)
    {
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ChannelBillException(string.Create(CultureInfo.InvariantCulture, $"WeChat Pay bill line {line + 1}: 交易时间 '{text}' is not yyyy-MM-dd HH:mm:ss."));
        }

        return new DateTimeOffset(local, ChinaOffset);
    }
}
