namespace Ordering.Sdk.Pricing;

/// <summary>A dish picked in a combo group of a 套餐 line, per combo unit.</summary>
/// <param name="GroupId">The combo group id.</param>
/// <param name="SkuId">The SKU of the option picked.</param>
/// <param name="Quantity">How many of it per combo unit; 1 or more.</param>
public readonly record struct ComboSelection(string GroupId, string SkuId, int Quantity = 1);
