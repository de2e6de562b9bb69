namespace Ordering.Sdk.Devices.Layouts;

/// <summary>
/// What a customer receipt shows, as plain data: the pricing engine's frozen snapshot is mapped onto it
/// by the host, and <see cref="ReceiptLayout"/> prints it.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class Receipt
{
    private readonly ReceiptLine[] _lines;

    /// <summary>Initializes a receipt.</summary>
    /// <param name="storeName">The store name printed large at the top.</param>
    /// <param name="orderNumber">The order number customers call out (ASCII letters and digits also print as a barcode).</param>
    /// <param name="printedAt">The time printed on the receipt (the settlement time, in the store's offset).</param>
    /// <param name="lines">The items; at least one.</param>
    /// <param name="total">The amount due after every adjustment, fee and rounding.</param>
    /// <exception cref="ArgumentException">A text is empty, or <paramref name="lines"/> is empty.</exception>
    public Receipt(string storeName, string orderNumber, DateTimeOffset printedAt, IReadOnlyList<ReceiptLine> lines, Money total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeName);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Contains(null!))
        {
            throw new ArgumentException("A receipt needs at least one line and no null lines.", nameof(lines));
        }

        StoreName = storeName;
        OrderNumber = orderNumber;
        PrintedAt = printedAt;
        _lines = [.. lines];
        Lines = Array.AsReadOnly(_lines);
        Total = total;
    }

    /// <summary>Gets the store name.</summary>
    public string StoreName { get; }

    /// <summary>Gets the order number.</summary>
    public string OrderNumber { get; }

    /// <summary>Gets the time printed on the receipt.</summary>
    public DateTimeOffset PrintedAt { get; }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ReceiptLine> Lines { get; }

    // The same items for the layout, without an interface call per item.
    internal ReadOnlySpan<ReceiptLine> LineSpan => _lines;

    /// <summary>Gets the amount due.</summary>
    public Money Total { get; }

    /// <summary>Gets lines printed centered under the store name (address, phone, tax id).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> HeaderLines { get; init; } = [];

    /// <summary>Gets the table name, for dine-in.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Table { get; init; }

    /// <summary>Gets every pricing adjustment of the snapshot, in pipeline order (discounts negative).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ReceiptAmountLine> Adjustments { get; init; } = [];

    /// <summary>Gets the fees (service charge, 茶位费, packaging, 低消补齐).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ReceiptAmountLine> Fees { get; init; } = [];

    /// <summary>Gets the rounding (抹零) adjustment; zero prints nothing.</summary>
    /// <value>The default value is zero CNY.</value>
    public Money Rounding { get; init; } = Money.Fen(0);

    /// <summary>Gets the tenders used (微信支付, 现金 …).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ReceiptAmountLine> Tenders { get; init; } = [];

    /// <summary>Gets the change given (找零); zero prints nothing.</summary>
    /// <value>The default value is zero CNY.</value>
    public Money Change { get; init; } = Money.Fen(0);

    /// <summary>Gets a payment or e-invoice URL printed as a QR code; <see langword="null"/> prints the order number large instead.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PaymentQr { get; init; }

    /// <summary>Gets lines printed centered at the bottom (thanks, Wi-Fi password).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> FooterLines { get; init; } = [];
}
