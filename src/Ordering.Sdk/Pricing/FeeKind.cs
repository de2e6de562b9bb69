namespace Ordering.Sdk.Pricing;

/// <summary>What a fee charges.</summary>
public enum FeeKind
{
    /// <summary>A percentage service charge (服务费) on a pre- or post-discount base.</summary>
    ServiceCharge,

    /// <summary>A fixed amount per guest (茶位费/餐位费).</summary>
    PerGuest,

    /// <summary>A packaging fee (打包费) per unit of eligible items.</summary>
    PackagingPerItem,

    /// <summary>A packaging fee once per order.</summary>
    PackagingPerOrder,

    /// <summary>A top-up to a minimum spend (低消补齐), for example in a private room.</summary>
    MinimumSpendTopUp,
}
