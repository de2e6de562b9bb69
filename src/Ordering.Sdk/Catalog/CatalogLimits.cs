namespace Ordering.Sdk.Catalog;

// Bounds that keep every product of the pricing pipeline far inside a long, so a valid catalog and a
// valid request can only overflow in combinations a restaurant never writes (and those are reported).
internal static class CatalogLimits
{
    public const long MaxPrice = 1_000_000_000_000; // 100 亿元 in fen
    public const int MaxQuantity = 1_000_000;
    public const int MaxWeightGrams = 10_000_000;
}
