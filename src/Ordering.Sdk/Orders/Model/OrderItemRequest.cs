using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Orders;

/// <summary>One dish a diner or waiter asks for. Carries no price: the server prices every order.</summary>
/// <param name="SkuId">The catalog SKU (规格) id.</param>
/// <param name="Quantity">How many; at least 1. For a weighed dish, 1.</param>
/// <remarks>Any price a client sends is ignored by design; there is no field for it.</remarks>
public sealed record OrderItemRequest(string SkuId, int Quantity)
{
    /// <summary>Gets the weight in grams for a weighed dish (称重), or <see langword="null"/>.</summary>
    public int? WeightGrams { get; init; }

    /// <summary>Gets the chosen modifier options (做法/口味/加料), each with a quantity (加蛋 ×2).</summary>
    public IReadOnlyList<ModifierSelection> Modifiers { get; init; } = [];

    /// <summary>Gets the chosen combo (套餐) items: group, SKU and quantity.</summary>
    public IReadOnlyList<ComboSelection> ComboChoices { get; init; } = [];

    /// <summary>Gets who ordered it: a seat or diner tag (for example the diner's nickname), or <see langword="null"/>.</summary>
    public string? Diner { get; init; }

    /// <summary>Gets a free-text note for the kitchen (少辣, 不要香菜).</summary>
    public string? Note { get; init; }

    /// <summary>Gets the course number (1 = first), for kitchens that pace courses.</summary>
    public int Course { get; init; } = 1;
}
