using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ordering.Sdk.Payments.Alipay;

// The trade bill (bill_type=trade) is a zip of two GBK CSV files, {pid}0156_{yyyyMMdd}_业务明细.csv and its
// 业务明细(汇总).csv summary. The detail file is: four '#' lines (title, 账号, 起始日期/终止日期 in 'yyyy年MM月dd日
// HH:mm:ss', the 业务明细列表 marker), the 25-column header, one row per payment (交易) or refund (退款) with
// text fields padded by a trailing tab, then the 业务明细列表结束 marker, the 交易合计/退款合计 totals and the
// 导出时间 line. Refund rows carry negative amounts. The totals are checked so a truncated file is refused.
internal static class AlipayBillParser
{
    public const string TradeNoColumn = "支付宝交易号";
    public const string OutTradeNoColumn = "商户订单号";
    public const string KindColumn = "业务类型";
    public const string FinishedColumn = "完成时间";
    public const string AmountColumn = "订单金额（元）";
    public const string ReceivedColumn = "商家实收（元）";
    public const string RefundNumberColumn = "退款批次号/请求号";
    public const string PaymentKind = "交易";
    public const string RefundKind = "退款";
    public const string EndMarker = "业务明细列表结束";
    public const string PaymentTotalPrefix = "#交易合计：";
    public const string RefundTotalPrefix = "#退款合计：";

    private static readonly string[] RequiredColumns = [OutTradeNoColumn, KindColumn, FinishedColumn, AmountColumn, RefundNumberColumn];

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
            var detail = archive.Entries.FirstOrDefault(e => e.Name.EndsWith("_业务明细.csv", StringComparison.Ordinal))
                ?? archive.Entries.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.Name.Contains("汇总", StringComparison.Ordinal))
                ?? throw new ChannelBillException("Alipay bill: the archive has no detail (业务明细) CSV file.");
            using var reader = new StreamReader(detail.Open(), Gbk);
            return ParseCsv(reader.ReadToEnd(), day);
        }
    }

    public static ChannelBill ParseCsv(string text, DateOnly day)
    {
        var records = new List<ChannelBillRecord>();
        Dictionary<string, int>? columns = null;
        var ended = false;
        long payments = 0, refunds = 0, paymentReceived = 0, refundReceived = 0;
        (long Count, long Fen)? paymentTotal = null, refundTotal = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                if (line.Contains(EndMarker, StringComparison.Ordinal))
                {
                    ended = true;
                }
                else if (line.StartsWith(PaymentTotalPrefix, StringComparison.Ordinal))
                {
                    paymentTotal = ParseTotal(line, PaymentTotalPrefix, lineNumber);
                }
                else if (line.StartsWith(RefundTotalPrefix, StringComparison.Ordinal))
                {
                    refundTotal = ParseTotal(line, RefundTotalPrefix, lineNumber);
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (ended)
            {
                throw new ChannelBillException($"Alipay bill line {lineNumber}: a data row after the {EndMarker} marker.");
            }

            var fields = SplitFields(line);
            if (columns is null)
            {
                columns = Header(fields, lineNumber);
                continue;
            }

            var record = ParseRow(fields, columns, lineNumber, out var received);
            records.Add(record);
            if (record.Kind == ChannelBillRecordKind.Payment)
            {
                payments++;
                paymentReceived = checked(paymentReceived + received);
            }
            else
            {
                refunds++;
                refundReceived = checked(refundReceived + received);
            }
        }

        if (columns is null)
        {
            throw new ChannelBillException("Alipay bill: no header line was found.");
        }

        if (!ended)
        {
            throw new ChannelBillException($"Alipay bill: the '{EndMarker}' marker is missing; the file is truncated.");
        }

        CheckTotal(paymentTotal, payments, paymentReceived, "交易合计");
        CheckTotal(refundTotal, refunds, refundReceived, "退款合计");
        return new ChannelBill(PaymentChannelId.Alipay, day, records);
    }

    // Alipay writes no quotes, but a spreadsheet that re-saved the file may have: honour "…" with "" escapes.
    internal static string[] SplitFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim(' ', '\t'));
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim(' ', '\t'));
        return [.. fields];
    }

    private static Dictionary<string, int> Header(string[] fields, int lineNumber)
    {
        if (fields[0] != TradeNoColumn)
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: expected the header starting with {TradeNoColumn}.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            columns.TryAdd(fields[i], i);
        }

        foreach (var required in RequiredColumns)
        {
            if (!columns.ContainsKey(required))
            {
                throw new ChannelBillException($"Alipay bill: the header has no '{required}' column.");
            }
        }

        return columns;
    }

    private static ChannelBillRecord ParseRow(string[] fields, Dictionary<string, int> columns, int lineNumber, out long received)
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
        var fen = SignedFen(Field(AmountColumn), kind, AmountColumn, lineNumber);
        received = columns.ContainsKey(ReceivedColumn) ? SignedFen(Field(ReceivedColumn), kind, ReceivedColumn, lineNumber) : fen;

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

    // Payments are positive and refunds negative in the file; the record carries the magnitude.
    private static long SignedFen(string text, ChannelBillRecordKind kind, string column, int lineNumber)
    {
        var negative = text.StartsWith('-');
        if (!AlipayAmount.TryParseFen(negative ? text.AsSpan(1) : text, out var fen) || (negative && kind == ChannelBillRecordKind.Payment))
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: {column} '{text}' is not a yuan amount.");
        }

        return fen;
    }

    // "#交易合计：6笔，商家实收共0.06元，商家优惠共0.00元" / "#退款合计：4笔，商家实收退款共-0.04元，…".
    private static (long Count, long Fen) ParseTotal(string line, string prefix, int lineNumber)
    {
        var rest = line.AsSpan(prefix.Length);
        var countEnd = rest.IndexOf('笔');
        var amountStart = rest.IndexOf('共');
        var amountEnd = amountStart < 0 ? -1 : rest[amountStart..].IndexOf('元');
        if (countEnd <= 0 || amountStart < 0 || amountEnd < 0
            || !long.TryParse(rest[..countEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: the total line '{prefix}…' is not 'N笔，…共X元'.");
        }

        // A day's total may exceed one trade's ceiling: decimal here, at the file's edge, then exact fen.
        var amount = rest.Slice(amountStart + 1, amountEnd - 1).TrimStart('-');
        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)
            || decimal.Round(yuan, 2) != yuan || yuan > long.MaxValue / 100)
        {
            throw new ChannelBillException($"Alipay bill line {lineNumber}: the total amount in '{prefix}…' is not a yuan amount.");
        }

        return (count, (long)(yuan * 100));
    }

    private static void CheckTotal((long Count, long Fen)? total, long count, long fen, string name)
    {
        if (total is { } stated && (stated.Count != count || stated.Fen != fen))
        {
            throw new ChannelBillException(string.Create(
                CultureInfo.InvariantCulture,
                $"Alipay bill: {name} states {stated.Count} rows and {stated.Fen / 100m:0.00} yuan but the file lists {count} rows and {fen / 100m:0.00} yuan; the file is incomplete or altered."));
        }
    }
}
