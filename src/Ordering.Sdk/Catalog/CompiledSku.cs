namespace Ordering.Sdk.Catalog;

// The runtime form of a SKU: its item, its dense index (for per-SKU scratch arrays) and resolved references.
internal sealed class CompiledSku
{
    public CompiledSku(int index, CompiledItem item, SkuDefinition definition)
    {
        Index = index;
        Item = item;
        Definition = definition;
    }

    public int Index { get; }

    public CompiledItem Item { get; }

    public SkuDefinition Definition { get; }

    public string Id => Definition.Id;
}
