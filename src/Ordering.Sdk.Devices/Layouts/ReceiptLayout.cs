using System.Text;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;

namespace Ordering.Sdk.Devices.Layouts;

/// <summary>Prints a customer <see cref="Receipt"/>: store header, items with modifiers, every adjustment, fees, 抹零, tenders and change, QR code or order number, barcode, cut.</summary>
/// <remarks>Allocation-free after warm-up: text is composed on the stack and written straight into the writer.</remarks>
/// <threadsafety>Stateless; safe to call from any thread with its own writer.</threadsafety>
public static class ReceiptLayout
{
    private const int DefaultQrModuleSize = 6;

    /// <summary>Writes <paramref name="receipt"/>, from ESC @ to the cut.</summary>
    /// <param name="writer">The writer, already pointed at the output.</param>
    /// <param name="receipt">The receipt.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The payment QR is larger than the printer profile allows.</exception>
    /// <exception cref="CurrencyMismatchException">The line amounts mix currencies.</exception>
    public static void Write(EscPosWriter writer, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(receipt);
        Span<char> scratch = stackalloc char[96];

        writer.Initialize()
            .Align(TextAlignment.Center)
            .Bold(true).Size(2, 2).Line(receipt.StoreName)
            .Size(1, 1).Bold(false);
        for (var i = 0; i < receipt.HeaderLines.Count; i++)
        {
            writer.Line(receipt.HeaderLines[i]);
        }

        writer.Align(TextAlignment.Left).Separator();
        writer.Row(new TextBuilder(scratch).Append("单号: ").Append(receipt.OrderNumber).Text, new TextBuilder(scratch[48..]).AppendTime(receipt.PrintedAt, withYear: true).Text);
        if (receipt.Table is { } table)
        {
            writer.Line(new TextBuilder(scratch).Append("桌号: ").Append(table).Text);
        }

        var columns = writer.Columns;
        var items = new ColumnLayout(columns - 18, 6, 10);
        writer.Separator().Row(items, "品名", "数量", "金额").Separator();
        var subtotal = Money.Zero(receipt.Total.Currency);
        foreach (var line in receipt.LineSpan)
        {
            subtotal += line.Amount;
            writer.Row(items, line.Name, new TextBuilder(scratch).Append("x").Append(line.Quantity).Text, new TextBuilder(scratch[48..]).AppendMoney(line.Amount).Text);
            foreach (var modifier in line.ModifierSpan)
            {
                writer.Row(items, new TextBuilder(scratch).Append("  + ").Append(modifier).Text, default, default);
            }
        }

        writer.Separator();
        AmountRow(writer, "小计", subtotal, scratch);
        AmountRows(writer, receipt.Adjustments, scratch);
        AmountRows(writer, receipt.Fees, scratch);
        if (!receipt.Rounding.IsZero)
        {
            AmountRow(writer, "抹零", receipt.Rounding, scratch);
        }

        writer.Bold(true).Size(1, 2);
        AmountRow(writer, "合计", receipt.Total, scratch);
        writer.Size(1, 1).Bold(false);
        AmountRows(writer, receipt.Tenders, scratch);
        if (!receipt.Change.IsZero)
        {
            AmountRow(writer, "找零", receipt.Change, scratch);
        }

        writer.Separator().Align(TextAlignment.Center);
        if (receipt.PaymentQr is { } qr && writer.Profile.QrCodes is QrSupport.Native or QrSupport.RasterImage)
        {
            // Native or drawn by the SDK as an image: either way the customer gets a scannable code. An image of a long
            // payload on narrow paper gets smaller modules rather than no code at all.
            var moduleSize = DefaultQrModuleSize;
            if (writer.Profile.QrCodes == QrSupport.RasterImage)
            {
                var fitting = QrRaster.LargestModuleSize(Encoding.UTF8.GetByteCount(qr), QrErrorCorrection.Medium, writer.Profile.PrintableDots);
                moduleSize = Math.Clamp(fitting, 1, DefaultQrModuleSize);
            }

            writer.QrCode(qr, moduleSize);
        }
        else
        {
            // No QR (or a printer that cannot print one): the order number, large, is what the customer needs.
            writer.Size(2, 2).Line(receipt.OrderNumber).Size(1, 1);
        }

        if (IsCode128B(receipt.OrderNumber))
        {
            writer.Code128(receipt.OrderNumber, Code128Subset.B, 60, 2, BarcodeTextPosition.Below);
        }

        for (var i = 0; i < receipt.FooterLines.Count; i++)
        {
            writer.Line(receipt.FooterLines[i]);
        }

        writer.Align(TextAlignment.Left).Feed(2).Cut();
    }

    private static void AmountRows(EscPosWriter writer, IReadOnlyList<ReceiptAmountLine> lines, Span<char> scratch)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            AmountRow(writer, lines[i].Label, lines[i].Amount, scratch);
        }
    }

    private static void AmountRow(EscPosWriter writer, ReadOnlySpan<char> label, Money amount, Span<char> scratch) =>
        writer.Row(label, new TextBuilder(scratch).AppendMoney(amount).Text);

    private static bool IsCode128B(string text) =>
        text.Length is > 0 and <= 40 && EscPos.AsciiRange.AllInRange(text, ' ', '~');
}
