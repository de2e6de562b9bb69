using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Testing;

/// <summary>
/// A small Sichuan-style menu to test an integration against: hot and cold dishes, drinks, a dish with sizes
/// (规格), spice level (做法) and extras (加料). Prices are in fen.
/// </summary>
public static class SampleMenu
{
    /// <summary>Gets the SKU id of 宫保鸡丁 (38.00, spice level required, extras optional).</summary>
    public const string KungPao = "kungpao";

    /// <summary>Gets the SKU id of 米饭 (3.00).</summary>
    public const string Rice = "rice";

    /// <summary>Gets the SKU id of 拍黄瓜 (18.00), a cold dish.</summary>
    public const string Cucumber = "cucumber";

    /// <summary>Gets the SKU id of 啤酒 (10.00), a drink.</summary>
    public const string Beer = "beer";

    /// <summary>Gets the SKU id of the small 酸菜鱼 (58.00).</summary>
    public const string FishSmall = "fish-s";

    /// <summary>Gets the SKU id of the large 酸菜鱼 (88.00).</summary>
    public const string FishLarge = "fish-l";

    /// <summary>Gets the modifier choice id of 微辣 (mild).</summary>
    public const string Mild = "mild";

    /// <summary>Gets the modifier choice id of 加蛋 (egg, 2.00, up to two).</summary>
    public const string Egg = "egg";

    /// <summary>Builds the menu definition.</summary>
    /// <returns>A new definition.</returns>
    public static CatalogDefinition Definition() => new()
    {
        Categories =
        [
            new CategoryDefinition { Id = "hot", Name = new("热菜", "Hot dishes") },
            new CategoryDefinition { Id = "cold", Name = new("凉菜", "Cold dishes") },
            new CategoryDefinition { Id = "staple", Name = new("主食", "Staples") },
            new CategoryDefinition { Id = "drinks", Name = new("酒水", "Drinks") },
        ],
        ModifierGroups =
        [
            new ModifierGroupDefinition
            {
                Id = "spice",
                Name = new("辣度", "Spice"),
                MinChoices = 1,
                MaxChoices = 1,
                Choices =
                [
                    new ModifierChoiceDefinition { Id = Mild, Name = new("微辣", "Mild") },
                    new ModifierChoiceDefinition { Id = "medium", Name = new("中辣", "Medium") },
                    new ModifierChoiceDefinition { Id = "hot", Name = new("特辣", "Hot") },
                ],
            },
            new ModifierGroupDefinition
            {
                Id = "extras",
                Name = new("加料", "Extras"),
                MinChoices = 0,
                MaxChoices = 2,
                Choices = [new ModifierChoiceDefinition { Id = Egg, Name = new("加蛋", "Egg"), Price = 200, MaxQuantity = 2 }],
            },
        ],
        Items =
        [
            new ItemDefinition
            {
                Id = KungPao,
                Name = new("宫保鸡丁", "Kung Pao Chicken"),
                CategoryId = "hot",
                Skus = [new SkuDefinition { Id = KungPao, Name = new("份", "Plate"), Price = 3800 }],
                ModifierGroupIds = ["spice", "extras"],
            },
            new ItemDefinition
            {
                Id = "fish",
                Name = new("酸菜鱼", "Pickled Cabbage Fish"),
                CategoryId = "hot",
                Skus =
                [
                    new SkuDefinition { Id = FishSmall, Name = new("小份", "Small"), Price = 5800 },
                    new SkuDefinition { Id = FishLarge, Name = new("大份", "Large"), Price = 8800 },
                ],
            },
            new ItemDefinition
            {
                Id = Cucumber,
                Name = new("拍黄瓜", "Smashed Cucumber"),
                CategoryId = "cold",
                Skus = [new SkuDefinition { Id = Cucumber, Name = new("份", "Plate"), Price = 1800 }],
            },
            new ItemDefinition
            {
                Id = Rice,
                Name = new("米饭", "Rice"),
                CategoryId = "staple",
                Skus = [new SkuDefinition { Id = Rice, Name = new("碗", "Bowl"), Price = 300 }],
            },
            new ItemDefinition
            {
                Id = Beer,
                Name = new("啤酒", "Beer"),
                CategoryId = "drinks",
                Skus = [new SkuDefinition { Id = Beer, Name = new("瓶", "Bottle"), Price = 1000 }],
            },
        ],
    };

    /// <summary>Builds and validates the menu.</summary>
    /// <returns>A new catalog.</returns>
    public static MenuCatalog Catalog() => MenuCatalog.Create(Definition());
}
