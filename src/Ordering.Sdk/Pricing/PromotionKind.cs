namespace Ordering.Sdk.Pricing;

/// <summary>What a promotion does. Item-level kinds run in step 3 of the pipeline, order-level kinds in step 4.</summary>
public enum PromotionKind
{
    /// <summary>Item level: a percentage off eligible lines (8.8折 = <see cref="PromotionDefinition.PercentOff"/> 1200).</summary>
    ItemPercent,

    /// <summary>Item level: eligible units sell at <see cref="PromotionDefinition.SpecialPrice"/> (特价); modifiers keep their price.</summary>
    SpecialPrice,

    /// <summary>Item level: every <see cref="PromotionDefinition.NthItem"/>-th eligible unit gets <see cref="PromotionDefinition.PercentOff"/> (第二份半价 = 2, 5000).</summary>
    NthItemPercent,

    /// <summary>Item level: buy <see cref="PromotionDefinition.BuyQuantity"/>, get <see cref="PromotionDefinition.GetQuantity"/> free; <see cref="PromotionDefinition.FreeUnits"/> picks which units.</summary>
    BuyXGetY,

    /// <summary>Item level (买赠): units of <see cref="PromotionDefinition.GiftSkuId"/> in the order become free when the order buys enough eligible units or spends enough.</summary>
    Gift,

    /// <summary>Order level (满减): the highest reached tier of <see cref="PromotionDefinition.Tiers"/>, or every full threshold when <see cref="PromotionDefinition.RepeatTier"/>.</summary>
    SpendTiers,

    /// <summary>Order level: a percentage off the eligible order amount.</summary>
    OrderPercent,

    /// <summary>Order level: a fixed amount off (<see cref="PromotionDefinition.AmountOff"/>).</summary>
    AmountOff,

    /// <summary>Order level: a percentage off for members only (会员折扣).</summary>
    MemberDiscount,
}
