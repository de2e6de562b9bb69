namespace Ordering.Sdk.Devices.Layouts;

/// <summary>A labelled amount on a receipt: a pricing adjustment (满减, 会员折扣), a fee (服务费, 茶位费) or a tender (微信支付).</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ReceiptAmountLine
{
    /// <summary>Initializes a labelled amount.</summary>
    /// <param name="label">What the amount is, in the words the customer should read.</param>
    /// <param name="amount">The amount; discounts are negative.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is empty.</exception>
    public ReceiptAmountLine(string label, Money amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Label = label;
        Amount = amount;
    }

    /// <summary>Gets the label.</summary>
    public string Label { get; }

    /// <summary>Gets the amount (negative for discounts).</summary>
    public Money Amount { get; }
}
