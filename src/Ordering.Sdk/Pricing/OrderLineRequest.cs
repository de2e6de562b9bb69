namespace Ordering.Sdk.Pricing;

/// <summary>One line of an order to price: a SKU, a quantity or weight, and the diner's choices.</summary>
/// <remarks>Reusable: a host can keep request objects and change them between calls.</remarks>
public sealed class OrderLineRequest
{
    /// <summary>Gets or sets the SKU id.</summary>
    public string SkuId { get; set; } = string.Empty;

    /// <summary>Gets or sets the quantity; 1 for a weighed item.</summary>
    /// <value>The default value is 1.</value>
    public int Quantity { get; set; } = 1;

    /// <summary>Gets or sets the weight in grams of a weighed item; ignored otherwise.</summary>
    public int WeightGrams { get; set; }

    /// <summary>Gets the modifiers chosen, per unit.</summary>
    public IList<ModifierSelection> Modifiers { get; } = new List<ModifierSelection>();

    /// <summary>Gets the combo choices, per combo unit.</summary>
    public IList<ComboSelection> ComboChoices { get; } = new List<ComboSelection>();

    /// <summary>Gets or sets the diner or seat the line belongs to (shared-cart marking, split by seat).</summary>
    public string? DinerTag { get; set; }

    /// <summary>Gets or sets a manual line discount, applied after item promotions.</summary>
    public ManualDiscount? ManualDiscount { get; set; }

    /// <summary>Gets or sets a manual unit price (改价).</summary>
    public ManualPriceOverride? PriceOverride { get; set; }
}
