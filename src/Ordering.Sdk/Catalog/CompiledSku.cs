namespace Ordering.Sdk.Catalog;

// The runtime form of a SKU: its item, its dense index (for per-SKU scratch arrays) and resolved references.
internal sealed class CompiledSku
{
    public CompiledSku(int index, CompiledItem item, SkuDefinition definition)
    {
        Index = index;
        Item = item;
        Definition = definition;
        HasPriceRules = definition.ChannelPrices.Count > 0 || definition.TimePrices.Count > 0 || definition.MemberPrice is not null;
    }

    public int Index { get; }

    public CompiledItem Item { get; }

    public SkuDefinition Definition { get; }

    public string Id => Definition.Id;

    // False when the list price is the only price (no channel, time-window or member price): pricing skips the search.
    public bool HasPriceRules { get; }
}
