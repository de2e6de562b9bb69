using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ordering.Sdk.Payments.Alipay;

// The trade bill is a zip of GBK CSV files; the detail file (业务明细, not its 汇总 summary) has '#'
// comment lines, one header line, then one row per payment (交易) or refund (退款), fields padded with
// tabs and spaces. Refund amounts are negative in the file.
internal static class AlipayBillParser
{
    public const string TradeNoColumn = "支付宝交易号";
    public const string OutTradeNoColumn = "商户订单号";
    public const string KindColumn = "业务类型";
    public const string FinishedColumn = "完成时间";
    public const string AmountColumn = "订单金额（元）";
    public const string RefundNumberColumn = "退款批次号/请求号";
    public const string PaymentKind = "交易";
    public const string RefundKind = "退款";

    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new InvalidOperationException("The GBK code page is not available.");

    public static Encoding Encoding => Gbk;

    public static ChannelBill ParseZip(byte[] zip, DateOnly day)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new ChannelBillException("Alipay bill: the download is not a zip archive.", ex);
        }

        using (archive)
        {
            var detail = archive.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.Name.Contains("汇总", StringComparison.Ordinal))
                ?? throw new ChannelBillException("Alipay bill: the archive has no detail (业务明细) CSV file.");
            using var reader = new StreamReader(detail.Open(), Gbk);
            return ParseCsv(reader.ReadToEnd(), day);
        }
    }

    public static ChannelBill ParseCsv(string text, DateOnly day)
    {
        var records = new List<ChannelBillRecord>();
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim(' ', '\t', '"');
            }

            if (columns is null)
            {
                if (fields[0] != TradeNoColumn)
                {
                    throw new ChannelBillException($"Alipay bill line {lineNumber}: expected the header starting with {TradeNoColumn}.");
                }

                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns.TryAdd(fields[i], i);
                }

                foreach (var required in new[] { OutTradeNoColumn, KindColumn, FinishedColumn, AmountColumn, RefundNumberColumn })
                {
                    if (!columns.ContainsKey(required))
                    {
                        throw new ChannelBillException($"Alipay bill: the header has no '{required}' column.");
                    }
                }

                continue;
            }

            records.Add(ParseRow(fields, columns, lineNumber));
        }

        if (columns is null)
        {
            throw new ChannelBillException("Alipay bill: no header line was found.");
        }

        return new ChannelBill(PaymentChannelId.Alipay, day, records);
    }

    private static ChannelBillRecord ParseRow(string[] fields, Dictionary<string, int> columns, int lineNumber)
    {
        string Field(string name)
        {
            var index = columns[name];
            return index < fields.Length ? fields[index] : throw new ChannelBillException($"Alipay bill line {lineNumber}: too few fields (no '{name}').");
        }

        var kind = Field(KindColumn) switch
        {
            PaymentKind => ChannelBillRecordKind.Payment,
            RefundKind => ChannelBillRecordKind.Refund,
            var other => throw new ChannelBillException($"Alipay bill line {lineNumber}: unknown {KindColumn} '{other}'."),
        };
        var amountText = Field(AmountColumn);
        var negative = amountText.StartsWith('-');
        if (!AlipayAmount.TryParseFen(negative ? amountText.AsSpan(1) : amountText, out var fen) || (negative && kind == ChannelBillRecordKind.Payment))
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: {AmountColumn} '{amountText}' is not a yuan amount.");
        }

        if (!DateTime.TryParseExact(Field(FinishedColumn), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: {FinishedColumn} is not 'yyyy-MM-dd HH:mm:ss'.");
        }

        var outTradeNo = Field(OutTradeNoColumn);
        var tradeNo = Field(TradeNoColumn);
        if (outTradeNo.Length == 0 || tradeNo.Length == 0)
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: the trade numbers are missing.");
        }

        var refundNumber = Field(RefundNumberColumn);
        if (kind == ChannelBillRecordKind.Refund && refundNumber.Length == 0)
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: a refund row without {RefundNumberColumn}.");
        }

        return new ChannelBillRecord(
            PaymentChannelId.Alipay,
            kind,
            outTradeNo,
            tradeNo,
            Money.Fen(fen),
            new DateTimeOffset(local, AlipayClient.ChinaOffset),
            kind == ChannelBillRecordKind.Refund ? refundNumber : null);
    }
}
