namespace Ordering.Sdk.Pricing;

/// <summary>A modifier choice on an order line, taken <see cref="Quantity"/> times per unit (加蛋 ×2).</summary>
/// <param name="ChoiceId">The modifier choice id.</param>
/// <param name="Quantity">How many times per unit; 1 or more.</param>
public readonly record struct ModifierSelection(string ChoiceId, int Quantity = 1);
