using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Tests.Catalog;

public sealed class MenuCatalogTests
{
    [Fact]
    public void Create_ValidMenu_FindsSkusAndCategories()
    {
        var catalog = TestMenu.Catalog();

        Assert.True(catalog.TryGetSku("fish-l", out var item, out var sku));
        Assert.Equal("fish", item.Id);
        Assert.Equal(8800, sku.Price);
        Assert.True(catalog.TryGetCategory("seafood", out var category));
        Assert.Equal("海鲜", category.Name.ZhCn);
        Assert.False(catalog.TryGetSku("nope", out _, out _));
        Assert.Equal(Currency.Cny, catalog.Currency);
        Assert.Equal(11, catalog.SkuCount);
    }

    [Fact]
    public void Create_InconsistentMenu_ListsEveryProblemWithItsPath()
    {
        var definition = new CatalogDefinition
        {
            Categories = [TestMenu.Category("hot", "热菜", "Hot")],
            ModifierGroups =
            [
                new ModifierGroupDefinition { Id = "g", Name = new("组", "Group"), MinChoices = 2, MaxChoices = 1, Choices = [TestMenu.Choice("c", "选", "Choice", -5)] },
            ],
            Items =
            [
                new ItemDefinition { Id = "a", Name = new("甲", "A"), CategoryId = "cold", Skus = [TestMenu.Sku("x", "份", "Plate", 100)], ModifierGroupIds = ["missing"] },
                new ItemDefinition { Id = "b", Name = new("乙", "B"), CategoryId = "hot", MinQuantity = 5, MaxQuantity = 2, Skus = [TestMenu.Sku("x", "份", "Plate", 100)] },
                new ItemDefinition
                {
                    Id = "set",
                    Name = new("套", "Set"),
                    CategoryId = "hot",
                    Kind = ItemKind.Combo,
                    Skus = [TestMenu.Sku("set", "份", "Plate", 100)],
                    ComboGroups = [new ComboGroupDefinition { Id = "m", Name = new("主", "Main"), Options = [new ComboOptionDefinition { SkuId = "set" }, new ComboOptionDefinition { SkuId = "ghost" }] }],
                },
            ],
        };

        var ex = Assert.Throws<CatalogValidationException>(() => MenuCatalog.Create(definition));

        Assert.Contains(ex.Failures, f => f.StartsWith("modifierGroups[0]: needs 0 <= minChoices", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("modifierGroups[0].choices[0].price:", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[0].categoryId: 'cold'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[0].modifierGroupIds[0]: 'missing'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[1]: needs 1 <= minQuantity", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[1].skus[0].id: 'x' is used by another SKU", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[2].comboGroups[0].options[0].skuId: 'set' is a Combo item", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[2].comboGroups[0].options[1].skuId: 'ghost'", StringComparison.Ordinal));
        Assert.Equal(8, ex.Failures.Count);
    }

    [Fact]
    public void Create_WeighedItemWithQuantityRange_IsRejected()
    {
        var definition = new CatalogDefinition
        {
            Categories = [TestMenu.Category("sea", "海鲜", "Seafood")],
            Items = [new ItemDefinition { Id = "crab", Name = new("蟹", "Crab"), CategoryId = "sea", Kind = ItemKind.Weighed, Skus = [new SkuDefinition { Id = "crab", Name = new("斤", "Jin"), Price = 100, WeightUnitGrams = 0 }] }],
        };

        var ex = Assert.Throws<CatalogValidationException>(() => MenuCatalog.Create(definition));

        Assert.Contains(ex.Failures, f => f.Contains("weighed item", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("items[0].skus[0].weightUnitGrams", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Null_Throws() => Assert.Throws<ArgumentNullException>(() => MenuCatalog.Create(null!));
}
