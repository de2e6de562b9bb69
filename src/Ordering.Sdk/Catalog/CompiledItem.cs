namespace Ordering.Sdk.Catalog;

// The runtime form of an item: modifier groups resolved to objects, combo options resolved to SKUs.
internal sealed class CompiledItem
{
    public CompiledItem(ItemDefinition definition, ModifierGroupDefinition[] modifierGroups)
    {
        Definition = definition;
        ModifierGroups = modifierGroups;
        ComboOptionSkus = new CompiledSku[definition.ComboGroups.Count][];
    }

    public ItemDefinition Definition { get; }

    public ModifierGroupDefinition[] ModifierGroups { get; }

    // [group][option] → the SKU the option names; filled after every SKU is known.
    public CompiledSku[][] ComboOptionSkus { get; }

    public string Id => Definition.Id;

    public string CategoryId => Definition.CategoryId;
}
