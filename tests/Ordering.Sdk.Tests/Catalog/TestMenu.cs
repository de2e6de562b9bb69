using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Tests.Catalog;

// A small but complete menu shared by the catalog and pricing tests.
internal static class TestMenu
{
    public static CatalogDefinition Definition() => new()
    {
        Categories =
        [
            Category("hot", "热菜", "Hot dishes"),
            Category("cold", "凉菜", "Cold dishes"),
            Category("drinks", "酒水", "Drinks"),
            Category("staple", "主食", "Staples"),
            Category("seafood", "海鲜", "Seafood"),
            Category("sets", "套餐", "Set meals"),
        ],
        ModifierGroups =
        [
            new ModifierGroupDefinition
            {
                Id = "spice",
                Name = new("辣度", "Spice"),
                MinChoices = 1,
                MaxChoices = 1,
                Choices = [Choice("mild", "微辣", "Mild", 0), Choice("medium", "中辣", "Medium", 0), Choice("hot", "特辣", "Hot", 0)],
            },
            new ModifierGroupDefinition
            {
                Id = "extras",
                Name = new("加料", "Extras"),
                MinChoices = 0,
                MaxChoices = 3,
                Choices = [Choice("egg", "加蛋", "Egg", 200, maxQuantity: 2), Choice("peanut", "加花生", "Peanuts", 100)],
            },
        ],
        Items =
        [
            new ItemDefinition
            {
                Id = "kungpao",
                Name = new("宫保鸡丁", "Kung Pao Chicken"),
                CategoryId = "hot",
                Skus = [Sku("kungpao", "标准", "Regular", 3800)],
                ModifierGroupIds = ["spice", "extras"],
            },
            new ItemDefinition
            {
                Id = "fish",
                Name = new("酸菜鱼", "Pickled Cabbage Fish"),
                CategoryId = "hot",
                Skus =
                [
                    new SkuDefinition { Id = "fish-s", Name = new("小份", "Small"), Price = 5800, MemberPrice = 5200 },
                    new SkuDefinition
                    {
                        Id = "fish-l",
                        Name = new("大份", "Large"),
                        Price = 8800,
                        ChannelPrices = [new ChannelPrice { Channel = SalesChannel.Delivery, Price = 9800 }],
                    },
                ],
            },
            Simple("cucumber", "拍黄瓜", "Smashed Cucumber", "cold", 1200),
            new ItemDefinition
            {
                Id = "beer",
                Name = new("啤酒", "Beer"),
                CategoryId = "drinks",
                Discountable = false,
                Skus =
                [
                    new SkuDefinition
                    {
                        Id = "beer",
                        Name = new("瓶", "Bottle"),
                        Price = 1000,
                        TimePrices =
                        [
                            new TimeWindowPrice
                            {
                                Window = new TimeWindow { Start = new TimeOnly(17, 0), End = new TimeOnly(19, 0) },
                                Price = 600,
                            },
                        ],
                    },
                ],
            },
            Simple("rice", "米饭", "Rice", "staple", 200),
            new ItemDefinition
            {
                Id = "dumpling",
                Name = new("饺子", "Dumplings"),
                CategoryId = "staple",
                MinQuantity = 2,
                QuantityStep = 2,
                MaxQuantity = 20,
                Skus = [Sku("dumpling", "个", "Piece", 300)],
            },
            new ItemDefinition
            {
                Id = "crab",
                Name = new("大闸蟹", "Hairy Crab"),
                CategoryId = "seafood",
                Kind = ItemKind.Weighed,
                MaxQuantity = 1,
                Skus = [new SkuDefinition { Id = "crab", Name = new("斤", "Per jin"), Price = 12800, WeightUnitGrams = 500 }],
            },
            new ItemDefinition
            {
                Id = "duck",
                Name = new("烤鸭", "Roast Duck"),
                CategoryId = "hot",
                Skus = [new SkuDefinition { Id = "duck", Name = new("整只", "Whole"), Price = 16800, SoldOut = true }],
            },
            new ItemDefinition
            {
                Id = "ribs",
                Name = new("糖醋排骨", "Sweet and Sour Ribs"),
                CategoryId = "hot",
                Skus = [new SkuDefinition { Id = "ribs", Name = new("份", "Plate"), Price = 4800, RemainingQuantity = 2 }],
            },
            new ItemDefinition
            {
                Id = "lunch-set",
                Name = new("午市套餐", "Lunch Set"),
                CategoryId = "sets",
                Kind = ItemKind.Combo,
                Skus = [Sku("lunch-set", "单人", "Single", 3900)],
                ComboGroups =
                [
                    new ComboGroupDefinition
                    {
                        Id = "main",
                        Name = new("主菜", "Main"),
                        Options = [new ComboOptionDefinition { SkuId = "kungpao" }, new ComboOptionDefinition { SkuId = "fish-s", Surcharge = 1000 }],
                    },
                    new ComboGroupDefinition
                    {
                        Id = "side",
                        Name = new("小菜", "Sides"),
                        MinChoices = 1,
                        MaxChoices = 2,
                        Options = [new ComboOptionDefinition { SkuId = "cucumber" }, new ComboOptionDefinition { SkuId = "rice", MaxQuantity = 2 }],
                    },
                ],
            },
        ],
    };

    public static MenuCatalog Catalog() => MenuCatalog.Create(Definition());

    public static CategoryDefinition Category(string id, string zh, string en) => new() { Id = id, Name = new(zh, en) };

    public static ModifierChoiceDefinition Choice(string id, string zh, string en, long price, int maxQuantity = 1) =>
        new() { Id = id, Name = new(zh, en), Price = price, MaxQuantity = maxQuantity };

    public static SkuDefinition Sku(string id, string zh, string en, long price) => new() { Id = id, Name = new(zh, en), Price = price };

    public static ItemDefinition Simple(string id, string zh, string en, string category, long price) => new()
    {
        Id = id,
        Name = new(zh, en),
        CategoryId = category,
        Skus = [Sku(id, zh, en, price)],
    };
}
