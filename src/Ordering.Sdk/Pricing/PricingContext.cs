using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>Who, where and when an order is priced: channel, order type, time, member, coupons, guests.</summary>
public sealed class PricingContext
{
    /// <summary>Gets or sets the sales channel.</summary>
    public SalesChannel Channel { get; set; } = SalesChannel.DineIn;

    /// <summary>Gets or sets the order type.</summary>
    public OrderType OrderType { get; set; } = OrderType.DineIn;

    /// <summary>Gets or sets the instant to price at, or <see langword="null"/> for now on the engine's <see cref="TimeProvider"/>. Re-pricing a frozen order passes its snapshot's instant.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>Gets or sets the member id, or <see langword="null"/> for a guest; member prices and member promotions need it.</summary>
    public string? MemberId { get; set; }

    /// <summary>Gets the coupons presented.</summary>
    public IList<CouponPresentation> Coupons { get; } = new List<CouponPresentation>();

    /// <summary>Gets or sets the number of guests (per-guest fees).</summary>
    public int GuestCount { get; set; }

    /// <summary>Gets or sets the table area, for example <c>private-room</c> (area-specific fees such as 低消).</summary>
    public string? Area { get; set; }

    /// <summary>Gets or sets a manual order discount, applied after the best deal.</summary>
    public ManualDiscount? ManualOrderDiscount { get; set; }
}
