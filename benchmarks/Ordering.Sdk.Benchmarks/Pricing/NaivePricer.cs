using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Benchmarks.Pricing;

// The baseline: the same order and rules priced the way a typical developer would write it — decimal yuan,
// LINQ over lists, a new result object graph per call, proportional split with the remainder on the last
// line. It exists only to give the engine's benchmark a ratio; it is not a correct pricer.
internal sealed class NaivePricer(CatalogDefinition menu)
{
    private readonly List<ItemDefinition> _items = [.. menu.Items];
    private readonly List<ModifierChoiceDefinition> _choices = [.. menu.ModifierGroups.SelectMany(g => g.Choices)];

    public NaiveBill Price(PricingRequest request)
    {
        var lines = request.Lines.Select(l =>
        {
            var item = _items.First(i => i.Skus.Any(s => s.Id == l.SkuId));
            var sku = item.Skus.First(s => s.Id == l.SkuId);
            var addOns = l.Modifiers.Sum(m => _choices.First(c => c.Id == m.ChoiceId).Price * m.Quantity / 100m);
            var unit = (sku.Price / 100m) + addOns;
            return new NaiveLine { Sku = l.SkuId, Category = item.CategoryId, Quantity = l.Quantity, Unit = unit, Gross = unit * l.Quantity };
        }).ToList();

        foreach (var line in lines.Where(l => l.Category == "hot"))
        {
            line.Discount += Math.Round(line.Gross * 0.12m, 2, MidpointRounding.AwayFromZero);
        }

        var dumplingUnits = lines.Where(l => l.Sku == "dumpling").SelectMany(l => Enumerable.Repeat(l, l.Quantity)).OrderBy(l => l.Unit).ToList();
        foreach (var unit in dumplingUnits.Take(dumplingUnits.Count / 2))
        {
            unit.Discount += Math.Round(unit.Unit * 0.5m, 2, MidpointRounding.AwayFromZero);
        }

        var afterItems = lines.Sum(l => l.Gross - l.Discount);
        var tiers = new List<(decimal Threshold, decimal Off)> { (100m, 20m), (500m, 120m) };
        var off = tiers.Where(t => afterItems >= t.Threshold).OrderByDescending(t => t.Threshold).Select(t => t.Off).FirstOrDefault();
        Split(lines, off, (l, share) => l.Discount += share);

        var net = lines.Sum(l => l.Gross - l.Discount);
        Split(lines, Math.Round(net * 0.10m, 2, MidpointRounding.AwayFromZero) + (3m * request.Context.GuestCount), (l, share) => l.Fees += share);
        foreach (var line in lines)
        {
            line.Tax = Math.Round((line.Gross - line.Discount + line.Fees) * 6m / 106m, 2, MidpointRounding.AwayFromZero);
        }

        var total = lines.Sum(l => l.Gross - l.Discount + l.Fees);
        var due = Math.Floor(total * 10m) / 10m;
        return new NaiveBill { Lines = lines, Subtotal = lines.Sum(l => l.Gross), Tax = lines.Sum(l => l.Tax), Rounding = due - total, AmountDue = due };
    }

    private static void Split(List<NaiveLine> lines, decimal amount, Action<NaiveLine, decimal> apply)
    {
        var weightTotal = lines.Sum(l => l.Gross - l.Discount);
        var given = 0m;
        foreach (var line in lines.Take(lines.Count - 1))
        {
            var share = weightTotal == 0 ? 0 : Math.Round(amount * (line.Gross - line.Discount) / weightTotal, 2, MidpointRounding.AwayFromZero);
            apply(line, share);
            given += share;
        }

        apply(lines.Last(), amount - given);
    }
}

internal sealed class NaiveLine
{
    public required string Sku { get; init; }

    public required string Category { get; init; }

    public int Quantity { get; init; }

    public decimal Unit { get; init; }

    public decimal Gross { get; init; }

    public decimal Discount { get; set; }

    public decimal Fees { get; set; }

    public decimal Tax { get; set; }
}

internal sealed class NaiveBill
{
    public required List<NaiveLine> Lines { get; init; }

    public decimal Subtotal { get; init; }

    public decimal Tax { get; init; }

    public decimal Rounding { get; init; }

    public decimal AmountDue { get; init; }
}
