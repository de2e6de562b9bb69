using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Benchmarks.Pricing;

// The menu (120 dishes), policy and orders both pricers see: lines with modifiers, three promotions (hot dishes 12% off,
// dumplings second-half-price, 满100减20/满500减120), a 10% service charge, a per-guest tea fee, 6% inclusive
// tax and 抹分 (floor to the jiao).
internal static class PricingBenchmarkData
{
    public static CatalogDefinition Menu() => new()
    {
        Categories = [Category("hot", "热菜", "Hot"), Category("cold", "凉菜", "Cold"), Category("staple", "主食", "Staple")],
        ModifierGroups =
        [
            new ModifierGroupDefinition
            {
                Id = "spice",
                Name = new("辣度", "Spice"),
                MinChoices = 1,
                Choices = [Choice("mild", 0), Choice("medium", 0), Choice("hot", 0), Choice("numbing", 0)],
            },
            new ModifierGroupDefinition
            {
                Id = "extras",
                Name = new("加料", "Extras"),
                MaxChoices = 3,
                Choices = [Choice("tofu", 300), Choice("peanut", 100), Choice("cilantro", 0), Choice("egg", 200, 2)],
            },
        ],
        Items = MenuItems(),
    };

    // A realistic menu size (a Chinese restaurant lists 100–300 dishes): 120 dishes, 8 modifier choices;
    // the four dishes the orders use sit at evenly spread positions, not at either end.
    public const int MenuSize = 120;

    private static List<ItemDefinition> MenuItems()
    {
        var items = new List<ItemDefinition>();
        string[] categories = ["hot", "cold", "staple"];
        for (var i = 0; i < MenuSize - 4; i++)
        {
            var id = "dish-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            items.Add(new ItemDefinition { Id = id, Name = new(id, id), CategoryId = categories[i % 3], ModifierGroupIds = i % 5 == 0 ? ["spice"] : [], Skus = [Sku(id, 1000 + (i * 37))] });
        }

        items.Insert(24, new ItemDefinition { Id = "kungpao", Name = new("宫保鸡丁", "Kung Pao"), CategoryId = "hot", ModifierGroupIds = ["spice", "extras"], Skus = [Sku("kungpao", 3800)] });
        items.Insert(48, new ItemDefinition { Id = "fish", Name = new("酸菜鱼", "Fish"), CategoryId = "hot", Skus = [Sku(SampleOrders.FishLarge, 8800)] });
        items.Insert(72, new ItemDefinition { Id = "dumpling", Name = new("饺子", "Dumplings"), CategoryId = "staple", Skus = [Sku("dumpling", 300)] });
        items.Insert(96, new ItemDefinition { Id = "cucumber", Name = new("拍黄瓜", "Cucumber"), CategoryId = "cold", Skus = [Sku("cucumber", 1200)] });
        return items;
    }

    public static PricingPolicy Policy() => new()
    {
        Promotions =
        [
            new PromotionDefinition { Id = "hot-88", Name = new("热菜八八折", "Hot 12% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1200, CategoryIds = ["hot"] },
            new PromotionDefinition { Id = "dumpling-half", Name = new("饺子第二份半价", "Dumplings 2nd half"), Kind = PromotionKind.NthItemPercent, NthItem = 2, PercentOff = 5000, ItemIds = ["dumpling"] },
            new PromotionDefinition
            {
                Id = "manjian",
                Name = new("满减", "Spend and save"),
                Kind = PromotionKind.SpendTiers,
                Tiers = [new SpendTier { Threshold = 10000, AmountOff = 2000 }, new SpendTier { Threshold = 50000, AmountOff = 12000 }],
            },
        ],
        Fees =
        [
            new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 1000 },
            new FeeDefinition { Id = "tea", Name = new("茶位费", "Tea"), Kind = FeeKind.PerGuest, Amount = 300 },
        ],
        TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }],
        DefaultTaxRateId = "vat6",
        CashRounding = new CashRounding { Unit = CashRoundingUnit.Jiao, Mode = CashRoundingMode.Floor },
    };

    // The busy-table order the allocation test prices too (20 lines there).
    public static PricingRequest Order(int lines) => SampleOrders.BusyTable(lines);

    private static CategoryDefinition Category(string id, string zh, string en) => new() { Id = id, Name = new(zh, en) };

    private static ModifierChoiceDefinition Choice(string id, long price, int max = 1) => new() { Id = id, Name = new(id, id), Price = price, MaxQuantity = max };

    private static SkuDefinition Sku(string id, long price) => new() { Id = id, Name = new(id, id), Price = price };
}
