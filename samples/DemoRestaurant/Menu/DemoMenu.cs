using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Menu;

/// <summary>
/// The demo restaurant's seeded Sichuan/Cantonese menu: about forty dishes with 规格 (SKUs), 做法 and 加料
/// (modifier groups), 套餐 (combos), a weighed fish, member prices, and the pricing policy with 满减,
/// 第二份半价, 服务费 and 茶位费. Everything is priced by the SDK's pricing engine from this definition.
/// </summary>
internal static class DemoMenu
{
    public const string WeighedFish = "seabass";
    public const string Combo = "combo-2";
    public const string SoldOutSku = "lobster";

    public static CatalogDefinition Definition() => new()
    {
        Categories =
        [
            Category("cold", "凉菜", "Cold dishes"),
            Category("hot", "热菜", "Hot dishes"),
            Category("seafood", "海鲜", "Seafood"),
            Category("soup", "汤羹", "Soups"),
            Category("dimsum", "点心", "Dim sum"),
            Category("staple", "主食", "Staples"),
            Category("drinks", "饮品", "Drinks"),
            Category("combo", "套餐", "Set meals"),
        ],
        ModifierGroups =
        [
            new ModifierGroupDefinition
            {
                Id = "spice",
                Name = new("辣度", "Spice"),
                MinChoices = 1,
                Choices = [Choice("no-spice", "不辣", "Not spicy"), Choice("mild", "微辣", "Mild"), Choice("medium", "中辣", "Medium"), Choice("hot", "特辣", "Extra hot")],
            },
            new ModifierGroupDefinition
            {
                Id = "fish-style",
                Name = new("做法", "Cooking style"),
                MinChoices = 1,
                Choices = [Choice("steamed", "清蒸", "Steamed"), Choice("braised", "红烧", "Braised", 500), Choice("pickled", "酸菜", "Pickled cabbage", 800), Choice("spicy-boiled", "水煮", "Spicy boiled", 800)],
            },
            new ModifierGroupDefinition
            {
                Id = "extras",
                Name = new("加料", "Extras"),
                MaxChoices = 3,
                Choices = [Choice("egg", "加蛋", "Extra egg", 200, 2), Choice("beef", "加牛肉", "Extra beef", 1200), Choice("tofu", "加豆腐", "Extra tofu", 400), Choice("noodles", "加粉丝", "Glass noodles", 300)],
            },
            new ModifierGroupDefinition
            {
                Id = "sweetness",
                Name = new("甜度", "Sweetness"),
                MinChoices = 1,
                Choices = [Choice("full-sugar", "全糖", "Full sugar"), Choice("half-sugar", "半糖", "Half sugar"), Choice("no-sugar", "无糖", "No sugar")],
            },
            new ModifierGroupDefinition
            {
                Id = "temperature",
                Name = new("温度", "Temperature"),
                MinChoices = 1,
                Choices = [Choice("iced", "冰", "Iced"), Choice("warm", "常温", "Room temperature"), Choice("hot-drink", "热", "Hot")],
            },
        ],
        Items =
        [
            // 凉菜
            Dish("cucumber", "cold", "拍黄瓜", "Smashed cucumber", 1800),
            Dish("woodear", "cold", "老醋木耳", "Wood ear in vinegar", 2200),
            Dish("saliva-chicken", "cold", "口水鸡", "Saliva chicken", 3800, member: 3400, modifiers: ["spice"]),
            Dish("century-egg", "cold", "皮蛋豆腐", "Century egg tofu", 1600),
            Dish("beef-tripe", "cold", "夫妻肺片", "Sliced beef and tripe", 4200, modifiers: ["spice"]),

            // 热菜
            Dish("kungpao", "hot", "宫保鸡丁", "Kung Pao chicken", 3800, member: 3400, modifiers: ["spice", "extras"]),
            Dish("yuxiang", "hot", "鱼香肉丝", "Yu-xiang shredded pork", 3200, modifiers: ["spice", "extras"]),
            Dish("mapo", "hot", "麻婆豆腐", "Mapo tofu", 2600, modifiers: ["spice", "extras"]),
            Dish("twice-cooked", "hot", "回锅肉", "Twice-cooked pork", 4200, modifiers: ["spice"]),
            Dish("sweet-sour", "hot", "糖醋里脊", "Sweet and sour pork", 4600),
            Dish("eggplant", "hot", "地三鲜", "Eggplant, potato and pepper", 2800),
            Dish("dongpo", "hot", "东坡肉", "Dongpo pork belly", 6800, member: 5800),
            Dish("beef-brisket", "hot", "番茄牛腩", "Tomato beef brisket", 5800, modifiers: ["extras"]),
            Dish("greens", "hot", "蒜蓉时蔬", "Garlic greens", 2200),
            Dish("spicy-chicken", "hot", "辣子鸡", "Chongqing spicy chicken", 4800, modifiers: ["spice"]),
            new ItemDefinition
            {
                Id = "boiled-beef",
                Name = new("水煮牛肉", "Spicy boiled beef"),
                CategoryId = "hot",
                Skus = [Sku("boiled-beef-s", "小份", "Small", 4800), Sku("boiled-beef-l", "大份", "Large", 6800, member: 6200)],
                ModifierGroupIds = ["spice", "extras"],
            },

            // 海鲜
            new ItemDefinition
            {
                Id = WeighedFish,
                Name = new("鲜活鲈鱼", "Live sea bass"),
                CategoryId = "seafood",
                Kind = ItemKind.Weighed,
                MaxQuantity = 1,
                Skus = [Sku(WeighedFish, "每斤", "Per 500 g", 6800)],
                ModifierGroupIds = ["fish-style"],
            },
            new ItemDefinition
            {
                Id = "shrimp",
                Name = new("白灼虾", "Poached shrimp"),
                CategoryId = "seafood",
                Skus = [Sku("shrimp-half", "半斤", "Half jin", 5800), Sku("shrimp-one", "一斤", "One jin", 10800)],
            },
            Dish("scallop", "seafood", "蒜蓉粉丝扇贝", "Garlic scallops", 1800),
            Dish("clams", "seafood", "辣炒花甲", "Spicy clams", 3800, modifiers: ["spice"]),
            new ItemDefinition
            {
                Id = SoldOutSku,
                Name = new("芝士焗龙虾", "Cheese-baked lobster"),
                CategoryId = "seafood",
                Skus = [new SkuDefinition { Id = SoldOutSku, Name = new("只", "Whole"), Price = 28800, SoldOut = true }],
            },

            // 汤羹
            Dish("hot-sour-soup", "soup", "酸辣汤", "Hot and sour soup", 1800),
            Dish("tomato-egg-soup", "soup", "番茄蛋花汤", "Tomato egg drop soup", 1600),
            Dish("corn-soup", "soup", "玉米排骨汤", "Corn and pork rib soup", 3600),

            // 点心
            Dish("xiaolongbao", "dimsum", "小笼包", "Xiaolongbao", 2200),
            Dish("har-gow", "dimsum", "虾饺皇", "Har gow", 2800),
            Dish("siu-mai", "dimsum", "烧卖", "Siu mai", 2400),
            Dish("spring-rolls", "dimsum", "春卷", "Spring rolls", 1600),

            // 主食
            Dish("rice", "staple", "米饭", "Steamed rice", 300),
            Dish("fried-rice", "staple", "扬州炒饭", "Yangzhou fried rice", 2800, modifiers: ["extras"]),
            Dish("dandan", "staple", "担担面", "Dan dan noodles", 2200, modifiers: ["spice", "extras"]),
            Dish("dumplings", "staple", "猪肉白菜水饺", "Pork and cabbage dumplings", 2600),
            Dish("scallion-pancake", "staple", "葱油饼", "Scallion pancake", 1200),

            // 饮品
            Dish("milk-tea", "drinks", "招牌奶茶", "Signature milk tea", 1800, modifiers: ["sweetness", "temperature"]),
            Dish("plum-juice", "drinks", "酸梅汤", "Sour plum drink", 1200, modifiers: ["temperature"]),
            Dish("lemon-tea", "drinks", "柠檬茶", "Lemon tea", 1500, modifiers: ["sweetness", "temperature"]),
            Dish("beer", "drinks", "青岛啤酒", "Tsingtao beer", 1200, member: 1000),
            Dish("cola", "drinks", "可乐", "Cola", 600),
            Dish("jasmine-tea", "drinks", "茉莉花茶(壶)", "Jasmine tea (pot)", 2800),

            // 套餐
            new ItemDefinition
            {
                Id = Combo,
                Name = new("双人套餐", "Set meal for two"),
                CategoryId = "combo",
                Kind = ItemKind.Combo,
                Skus = [Sku(Combo, "份", "Set", 12800, member: 11800)],
                ComboGroups =
                [
                    new ComboGroupDefinition
                    {
                        Id = "mains",
                        Name = new("热菜任选两款", "Two mains"),
                        MinChoices = 2,
                        MaxChoices = 2,
                        Options = [new() { SkuId = "kungpao" }, new() { SkuId = "yuxiang" }, new() { SkuId = "mapo" }, new() { SkuId = "dongpo", Surcharge = 1500 }],
                    },
                    new ComboGroupDefinition
                    {
                        Id = "staples",
                        Name = new("主食", "Staple"),
                        MinChoices = 1,
                        MaxChoices = 2,
                        Options = [new() { SkuId = "rice", MaxQuantity = 2 }, new() { SkuId = "fried-rice", Surcharge = 800 }],
                    },
                    new ComboGroupDefinition
                    {
                        Id = "drinks",
                        Name = new("饮品", "Drinks"),
                        MinChoices = 1,
                        MaxChoices = 2,
                        Options = [new() { SkuId = "cola", MaxQuantity = 2 }, new() { SkuId = "plum-juice", Surcharge = 300, MaxQuantity = 2 }],
                    },
                ],
            },
            new ItemDefinition
            {
                Id = "combo-lunch",
                Name = new("工作日午市套餐", "Weekday lunch set"),
                CategoryId = "combo",
                Kind = ItemKind.Combo,
                Skus = [Sku("combo-lunch", "份", "Set", 4800)],
                ComboGroups =
                [
                    new ComboGroupDefinition
                    {
                        Id = "main",
                        Name = new("主菜", "Main"),
                        Options = [new() { SkuId = "kungpao" }, new() { SkuId = "mapo" }, new() { SkuId = "twice-cooked", Surcharge = 600 }],
                    },
                    new ComboGroupDefinition
                    {
                        Id = "soup",
                        Name = new("例汤", "Soup"),
                        Options = [new() { SkuId = "tomato-egg-soup" }, new() { SkuId = "hot-sour-soup" }],
                    },
                ],
            },
        ],
    };

    /// <summary>The seeded coupon code a diner or cashier can present (5 off a spend of 50).</summary>
    public const string DemoCoupon = "WELCOME5";

    public static PricingPolicy Policy() => new()
    {
        Promotions =
        [
            new PromotionDefinition
            {
                Id = "spend-tiers",
                Name = new("满100减10 · 满200减30", "10 off 100, 30 off 200"),
                Kind = PromotionKind.SpendTiers,
                ExclusivityGroup = "order",
                Tiers = [new() { Threshold = 10000, AmountOff = 1000 }, new() { Threshold = 20000, AmountOff = 3000 }],
            },
            new PromotionDefinition
            {
                Id = "second-half",
                Name = new("招牌奶茶第二份半价", "Second milk tea half price"),
                Kind = PromotionKind.NthItemPercent,
                ItemIds = ["milk-tea"],
                NthItem = 2,
                PercentOff = 5000,
            },
            new PromotionDefinition
            {
                Id = "member-95",
                Name = new("会员95折", "Members 5% off"),
                Kind = PromotionKind.MemberDiscount,
                MembersOnly = true,
                PercentOff = 500,
                ExclusivityGroup = "order",
            },
        ],
        Coupons =
        [
            new CouponDefinition
            {
                Code = DemoCoupon,
                Name = new("新客券 满50减5", "Welcome coupon: 5 off 50"),
                AmountOff = 500,
                MinimumSpend = 5000,
            },
        ],
        Fees =
        [
            new FeeDefinition
            {
                Id = "service",
                Name = new("服务费 5%", "Service charge 5%"),
                Kind = FeeKind.ServiceCharge,
                PercentBasisPoints = 500,
                Base = ServiceChargeBase.PostDiscount,
                OrderTypes = [OrderType.DineIn, OrderType.SelfOrder],
            },
            new FeeDefinition
            {
                Id = "tea",
                Name = new("茶位费", "Tea charge per guest"),
                Kind = FeeKind.PerGuest,
                Amount = 300,
                OrderTypes = [OrderType.DineIn, OrderType.SelfOrder],
            },
        ],
    };

    private static CategoryDefinition Category(string id, string zh, string en) => new() { Id = id, Name = new(zh, en) };

    private static ModifierChoiceDefinition Choice(string id, string zh, string en, long price = 0, int max = 1) =>
        new() { Id = id, Name = new(zh, en), Price = price, MaxQuantity = max };

    private static SkuDefinition Sku(string id, string zh, string en, long price, long? member = null) =>
        new() { Id = id, Name = new(zh, en), Price = price, MemberPrice = member };

    private static ItemDefinition Dish(string id, string category, string zh, string en, long price, long? member = null, IReadOnlyList<string>? modifiers = null) => new()
    {
        Id = id,
        Name = new(zh, en),
        CategoryId = category,
        Skus = [Sku(id, "份", "Portion", price, member)],
        ModifierGroupIds = modifiers ?? [],
    };
}
