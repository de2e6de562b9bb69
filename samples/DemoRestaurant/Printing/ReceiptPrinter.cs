using System.Buffers;
using System.Net.Sockets;
using DemoRestaurant.Ordering;
using Ordering.Sdk;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Printing;

namespace DemoRestaurant.Printing;

/// <summary>
/// Prints the customer receipt: the SDK's <see cref="ReceiptLayout"/> writes ESC/POS for the bill explained from the
/// price snapshot and the tenders the payment engine confirmed; the bytes go over TCP to the receipt printer, and
/// what the virtual printer decoded is returned so the cashier sees exactly what came out.
/// </summary>
internal sealed class ReceiptPrinter : IDisposable
{
    private readonly DemoPrinters _printers;
    private readonly TimeProvider _time;
    private readonly string _storeName;
    private readonly SemaphoreSlim _one = new(1, 1);

    public ReceiptPrinter(DemoPrinters printers, TimeProvider time, DemoOptions options)
    {
        _printers = printers;
        _time = time;
        _storeName = options.StoreName;
    }

    public async Task<ReceiptResult> PrintAsync(OrderView order, Bill bill, IReadOnlyList<PaymentAttemptSnapshot> attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(attempts);
        var receipt = new Receipt(
            _storeName,
            order.OrderNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)),
            bill.Lines.Select(l => new ReceiptLine(l.Name, l.Quantity, Money.Fen(l.Gross), string.IsNullOrEmpty(l.Details) ? null : [l.Details])).ToArray(),
            Money.Fen(bill.AmountDue))
        {
            Table = order.TableId,
            HeaderLines = ["扫码点餐 · 演示门店"],
            Adjustments = bill.Adjustments.Where(a => a.Kind is not ("ServiceCharge" or "GuestFee" or "PackagingFee" or "MinimumSpendTopUp" or "Rounding" or "error"))
                .Select(a => new ReceiptAmountLine(a.Name, Money.Fen(-Math.Abs(a.Amount)))).ToArray(),
            Fees = bill.Adjustments.Where(a => a.Kind is "ServiceCharge" or "GuestFee" or "PackagingFee" or "MinimumSpendTopUp")
                .Select(a => new ReceiptAmountLine(a.Name, Money.Fen(a.Amount))).ToArray(),
            Rounding = Money.Fen(bill.Rounding),
            Tenders = attempts.Where(a => a.Captured.MinorUnits > 0)
                .Select(a => new ReceiptAmountLine(TenderName(a.Channel) + (a.Refunded.MinorUnits > 0 ? " (已退 " + Fen.Yuan(a.Refunded.MinorUnits) + ")" : string.Empty), a.Captured)).ToArray(),
            Change = Money.Fen(attempts.Where(a => a.Captured.MinorUnits > 0).Sum(a => a.Change.MinorUnits)),
            FooterLines = ["谢谢惠顾，欢迎再次光临", "Thank you!"],
        };

        var buffer = new ArrayBufferWriter<byte>(4096);
        ReceiptLayout.Write(new EscPosWriter(buffer, PrinterProfile.ChineseClone80), receipt);
        var printer = _printers.Receipt;
        await _one.WaitAsync(cancellationToken);
        try
        {
            var before = printer.Documents.Count(d => d.IsCut);
            if (printer.Conditions != VirtualPrinterConditions.None)
            {
                return new ReceiptResult(false, "收银小票机状态异常 / receipt printer reports " + printer.Conditions, null);
            }

            using (var client = new TcpClient { NoDelay = true })
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await client.ConnectAsync(System.Net.IPAddress.Loopback, printer.Port, timeout.Token);
                await client.GetStream().WriteAsync(buffer.WrittenMemory, timeout.Token);
            }

            if (!await printer.WaitForDocumentsAsync(before + 1, TimeSpan.FromSeconds(3)))
            {
                return new ReceiptResult(false, "小票未确认打印 / the printer did not confirm the receipt", null);
            }

            var document = printer.Documents.Where(d => d.IsCut).ElementAt(before);
            return new ReceiptResult(true, null, document.Text);
        }
        catch (SocketException e)
        {
            return new ReceiptResult(false, "无法连接小票机 / cannot reach the receipt printer: " + e.SocketErrorCode, null);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    private static string TenderName(PaymentChannelId channel) => channel switch
    {
        PaymentChannelId.Cash => "现金",
        PaymentChannelId.StoredValue => "储值卡",
        PaymentChannelId.WeChatPay => "微信支付",
        PaymentChannelId.Alipay => "支付宝",
        _ => channel.ToString(),
    };
}

/// <summary>The outcome of a receipt print, with the text the virtual printer decoded.</summary>
internal sealed record ReceiptResult(bool Printed, string? Error, string? Text);
