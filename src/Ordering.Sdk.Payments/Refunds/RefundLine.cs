using System.Globalization;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Payments;

/// <summary>One order line to refund and the amount to refund for it (computed from the price snapshot, see <see cref="FromSnapshot"/>).</summary>
/// <param name="LineId">The order line id.</param>
/// <param name="Amount">The amount to refund for the line.</param>
public sealed record RefundLine(string LineId, Money Amount)
{
    /// <summary>
    /// Prices a refund of <paramref name="quantity"/> units of one line from the order's frozen price snapshot,
    /// with the snapshot's refund rounding: the refunds of a line always sum to exactly what was paid for it.
    /// </summary>
    /// <param name="snapshot">The order's price snapshot, taken when it was priced.</param>
    /// <param name="lineIndex">The line's index in <see cref="PriceSnapshot.Lines"/>; it is also the <see cref="LineId"/> unless <paramref name="lineId"/> is given.</param>
    /// <param name="quantity">The units to refund now, 1 or more.</param>
    /// <param name="refundedQuantity">Units of the line refunded before.</param>
    /// <param name="refundedAmount">Minor units refunded before for the line.</param>
    /// <param name="lineId">The order's own line id, or <see langword="null"/> to use <paramref name="lineIndex"/>.</param>
    /// <returns>The line to put in <see cref="RefundRequest.Lines"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The line does not exist, or the quantities do not fit the line.</exception>
    /// <exception cref="ArgumentException">The snapshot's currency is unknown, or nothing is left to refund on the line.</exception>
    public static RefundLine FromSnapshot(PriceSnapshot snapshot, int lineIndex, int quantity, int refundedQuantity = 0, long refundedAmount = 0, string? lineId = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Currency.TryFromCode(snapshot.CurrencyCode, out var currency))
        {
            throw new ArgumentException($"snapshot: unknown currency '{snapshot.CurrencyCode}'.", nameof(snapshot));
        }

        var amount = snapshot.GetRefundableAmount(lineIndex, quantity, refundedQuantity, refundedAmount);
        if (amount <= 0)
        {
            throw new ArgumentException($"quantity: nothing is left to refund on line {lineIndex} ({refundedAmount} of it was refunded already).", nameof(quantity));
        }

        return new RefundLine(lineId ?? lineIndex.ToString(CultureInfo.InvariantCulture), new Money(amount, currency.Value));
    }
}
