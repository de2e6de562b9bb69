using System.Collections.Frozen;
using System.Globalization;

namespace Ordering.Sdk.Catalog;

// Validates a definition, collecting every failure with the path of the offending field, then compiles it.
internal sealed class CatalogBuilder
{
    private readonly CatalogDefinition _definition;
    private readonly List<string> _failures = [];

    public CatalogBuilder(CatalogDefinition definition) => _definition = definition;

    public MenuCatalog Build()
    {
        if (!Currency.TryFromCode(_definition.CurrencyCode, out var currency))
        {
            Fail("currencyCode", $"'{_definition.CurrencyCode}' is not a supported currency (CNY, HKD, MOP, USD, JPY).");
        }

        var categories = new Dictionary<string, CategoryDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < Count(_definition.Categories); i++)
        {
            var category = _definition.Categories[i];
            var path = $"categories[{i}]";
            if (category is null || !RequireId(category.Id, path) || !RequireName(category.Name, path))
            {
                continue;
            }

            if (!categories.TryAdd(category.Id, category))
            {
                Fail(path + ".id", $"'{category.Id}' is used by another category.");
            }
        }

        var groups = new Dictionary<string, ModifierGroupDefinition>(StringComparer.Ordinal);
        var choices = new Dictionary<string, (ModifierGroupDefinition, ModifierChoiceDefinition)>(StringComparer.Ordinal);
        for (var g = 0; g < Count(_definition.ModifierGroups); g++)
        {
            ValidateModifierGroup(_definition.ModifierGroups[g], $"modifierGroups[{g}]", groups, choices);
        }

        var items = new Dictionary<string, CompiledItem>(StringComparer.Ordinal);
        var skus = new Dictionary<string, CompiledSku>(StringComparer.Ordinal);
        for (var i = 0; i < Count(_definition.Items); i++)
        {
            ValidateItem(_definition.Items[i], $"items[{i}]", categories, groups, items, skus);
        }

        ResolveComboOptions(items, skus);

        if (_failures.Count > 0)
        {
            throw new CatalogValidationException(_failures);
        }

        return new MenuCatalog(
            _definition,
            currency!.Value,
            skus.ToFrozenDictionary(StringComparer.Ordinal),
            choices.ToFrozenDictionary(StringComparer.Ordinal),
            categories.ToFrozenDictionary(StringComparer.Ordinal),
            items.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private void ValidateModifierGroup(
        ModifierGroupDefinition? group,
        string path,
        Dictionary<string, ModifierGroupDefinition> groups,
        Dictionary<string, (ModifierGroupDefinition, ModifierChoiceDefinition)> choices)
    {
        if (group is null || !RequireId(group.Id, path) || !RequireName(group.Name, path))
        {
            return;
        }

        if (!groups.TryAdd(group.Id, group))
        {
            Fail(path + ".id", $"'{group.Id}' is used by another modifier group.");
        }

        if (group.MinChoices < 0 || group.MaxChoices < 1 || group.MinChoices > group.MaxChoices)
        {
            Fail(path, $"needs 0 <= minChoices <= maxChoices and maxChoices >= 1 (was {group.MinChoices}..{group.MaxChoices}).");
        }

        if (Count(group.Choices) == 0)
        {
            Fail(path + ".choices", "must list at least one choice.");
            return;
        }

        for (var c = 0; c < group.Choices.Count; c++)
        {
            var choice = group.Choices[c];
            var choicePath = $"{path}.choices[{c}]";
            if (choice is null || !RequireId(choice.Id, choicePath) || !RequireName(choice.Name, choicePath))
            {
                continue;
            }

            if (!choices.TryAdd(choice.Id, (group, choice)))
            {
                Fail(choicePath + ".id", $"'{choice.Id}' is used by another modifier choice; choice ids are unique across the catalog.");
            }

            RequirePrice(choice.Price, choicePath + ".price");
            if (choice.MaxQuantity < 1 || choice.MaxQuantity > group.MaxChoices)
            {
                Fail(choicePath + ".maxQuantity", $"must be between 1 and the group's maxChoices {group.MaxChoices}, was {choice.MaxQuantity}.");
            }
        }
    }

    private void ValidateItem(
        ItemDefinition? item,
        string path,
        Dictionary<string, CategoryDefinition> categories,
        Dictionary<string, ModifierGroupDefinition> groups,
        Dictionary<string, CompiledItem> items,
        Dictionary<string, CompiledSku> skus)
    {
        if (item is null || !RequireId(item.Id, path) || !RequireName(item.Name, path))
        {
            return;
        }

        if (item.CategoryId is null || !categories.ContainsKey(item.CategoryId))
        {
            Fail(path + ".categoryId", $"'{item.CategoryId}' is not a category of the catalog.");
        }

        if (!Enum.IsDefined(item.Kind))
        {
            Fail(path + ".kind", $"'{item.Kind}' is not an item kind.");
        }

        if (item.MinQuantity < 1 || item.QuantityStep < 1 || item.MaxQuantity < item.MinQuantity || item.MaxQuantity > CatalogLimits.MaxQuantity)
        {
            Fail(path, $"needs 1 <= minQuantity <= maxQuantity <= {CatalogLimits.MaxQuantity} and quantityStep >= 1 (was min {item.MinQuantity}, step {item.QuantityStep}, max {item.MaxQuantity}).");
        }

        if (item.Kind == ItemKind.Weighed && (item.MinQuantity != 1 || item.MaxQuantity != 1))
        {
            Fail(path, "a weighed item is ordered as one line per weighing: minQuantity and maxQuantity must both be 1.");
        }

        var modifierGroups = new ModifierGroupDefinition[Count(item.ModifierGroupIds)];
        for (var g = 0; g < modifierGroups.Length; g++)
        {
            var groupId = item.ModifierGroupIds[g];
            if (groupId is null || !groups.TryGetValue(groupId, out var group))
            {
                Fail($"{path}.modifierGroupIds[{g}]", $"'{groupId}' is not a modifier group of the catalog.");
                continue;
            }

            if (Array.IndexOf(modifierGroups, group) >= 0)
            {
                Fail($"{path}.modifierGroupIds[{g}]", $"'{groupId}' is listed twice.");
            }

            modifierGroups[g] = group;
        }

        if (item.Kind == ItemKind.Combo && Count(item.ComboGroups) == 0)
        {
            Fail(path + ".comboGroups", "a combo needs at least one combo group.");
        }

        if (item.Kind != ItemKind.Combo && Count(item.ComboGroups) > 0)
        {
            Fail(path + ".comboGroups", "only a combo item has combo groups.");
        }

        var compiled = new CompiledItem(item, modifierGroups);
        if (!items.TryAdd(item.Id, compiled))
        {
            Fail(path + ".id", $"'{item.Id}' is used by another item.");
        }

        ValidateComboGroups(item, path);

        if (Count(item.Skus) == 0)
        {
            Fail(path + ".skus", "must list at least one SKU.");
            return;
        }

        for (var s = 0; s < item.Skus.Count; s++)
        {
            var sku = item.Skus[s];
            var skuPath = $"{path}.skus[{s}]";
            if (sku is null || !RequireId(sku.Id, skuPath) || !RequireName(sku.Name, skuPath))
            {
                continue;
            }

            if (!skus.TryAdd(sku.Id, new CompiledSku(skus.Count, compiled, sku)))
            {
                Fail(skuPath + ".id", $"'{sku.Id}' is used by another SKU; SKU ids are unique across the catalog.");
            }

            ValidateSku(item, sku, skuPath);
        }
    }

    private void ValidateSku(ItemDefinition item, SkuDefinition sku, string path)
    {
        RequirePrice(sku.Price, path + ".price");
        if (item.Kind == ItemKind.Weighed && (sku.WeightUnitGrams < 1 || sku.WeightUnitGrams > CatalogLimits.MaxWeightGrams))
        {
            Fail(path + ".weightUnitGrams", $"must be between 1 and {CatalogLimits.MaxWeightGrams} grams, was {sku.WeightUnitGrams}.");
        }

        if (sku.MemberPrice is { } memberPrice)
        {
            RequirePrice(memberPrice, path + ".memberPrice");
        }

        if (sku.RemainingQuantity is < 0)
        {
            Fail(path + ".remainingQuantity", $"cannot be negative, was {sku.RemainingQuantity}.");
        }

        for (var c = 0; c < Count(sku.ChannelPrices); c++)
        {
            var channelPrice = sku.ChannelPrices[c];
            var channelPath = $"{path}.channelPrices[{c}]";
            if (channelPrice is null)
            {
                Fail(channelPath, "is missing.");
                continue;
            }

            RequirePrice(channelPrice.Price, channelPath + ".price");
            for (var d = 0; d < c; d++)
            {
                if (sku.ChannelPrices[d]?.Channel == channelPrice.Channel)
                {
                    Fail(channelPath + ".channel", $"{channelPrice.Channel} has two prices.");
                }
            }
        }

        for (var t = 0; t < Count(sku.TimePrices); t++)
        {
            var timePrice = sku.TimePrices[t];
            var timePath = $"{path}.timePrices[{t}]";
            if (timePrice?.Window is null)
            {
                Fail(timePath + ".window", "is required.");
                continue;
            }

            RequirePrice(timePrice.Price, timePath + ".price");
            ValidateWindow(timePrice.Window, timePath + ".window");
        }
    }

    private void ValidateComboGroups(ItemDefinition item, string path)
    {
        for (var g = 0; g < Count(item.ComboGroups); g++)
        {
            var group = item.ComboGroups[g];
            var groupPath = $"{path}.comboGroups[{g}]";
            if (group is null || !RequireId(group.Id, groupPath) || !RequireName(group.Name, groupPath))
            {
                continue;
            }

            for (var h = 0; h < g; h++)
            {
                if (string.Equals(item.ComboGroups[h]?.Id, group.Id, StringComparison.Ordinal))
                {
                    Fail(groupPath + ".id", $"'{group.Id}' is used by another group of this combo.");
                }
            }

            if (group.MinChoices < 0 || group.MaxChoices < 1 || group.MinChoices > group.MaxChoices)
            {
                Fail(groupPath, $"needs 0 <= minChoices <= maxChoices and maxChoices >= 1 (was {group.MinChoices}..{group.MaxChoices}).");
            }

            if (Count(group.Options) == 0)
            {
                Fail(groupPath + ".options", "must list at least one option.");
                continue;
            }

            for (var o = 0; o < group.Options.Count; o++)
            {
                var option = group.Options[o];
                var optionPath = $"{groupPath}.options[{o}]";
                if (option is null)
                {
                    Fail(optionPath, "is missing.");
                    continue;
                }

                RequirePrice(option.Surcharge, optionPath + ".surcharge");
                if (option.MaxQuantity < 1 || option.MaxQuantity > group.MaxChoices)
                {
                    Fail(optionPath + ".maxQuantity", $"must be between 1 and the group's maxChoices {group.MaxChoices}, was {option.MaxQuantity}.");
                }
            }
        }
    }

    private void ResolveComboOptions(Dictionary<string, CompiledItem> items, Dictionary<string, CompiledSku> skus)
    {
        for (var i = 0; i < Count(_definition.Items); i++)
        {
            var item = _definition.Items[i];
            if (item?.Id is null || !items.TryGetValue(item.Id, out var compiled) || compiled.Definition != item)
            {
                continue;
            }

            for (var g = 0; g < Count(item.ComboGroups); g++)
            {
                var group = item.ComboGroups[g];
                var options = new CompiledSku[Count(group?.Options)];
                compiled.ComboOptionSkus[g] = options;
                for (var o = 0; o < options.Length; o++)
                {
                    var skuId = group!.Options[o]?.SkuId;
                    var optionPath = $"items[{i}].comboGroups[{g}].options[{o}].skuId";
                    if (skuId is null || !skus.TryGetValue(skuId, out var sku))
                    {
                        Fail(optionPath, $"'{skuId}' is not a SKU of the catalog.");
                        continue;
                    }

                    if (sku.Item.Definition.Kind != ItemKind.Standard)
                    {
                        Fail(optionPath, $"'{skuId}' is a {sku.Item.Definition.Kind} item; a combo option must be a standard dish.");
                    }

                    options[o] = sku;
                }
            }
        }
    }

    private void ValidateWindow(TimeWindow window, string path)
    {
        if (window.Start == window.End)
        {
            Fail(path, "start and end are equal, so the window is empty.");
        }

        for (var d = 0; d < Count(window.Days); d++)
        {
            if (!Enum.IsDefined(window.Days[d]))
            {
                Fail($"{path}.days[{d}]", $"'{window.Days[d]}' is not a day of the week.");
            }
        }
    }

    private bool RequireId(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Fail(path + ".id", "is required.");
            return false;
        }

        return true;
    }

    private bool RequireName(LocalizedText? name, string path)
    {
        if (name is null || string.IsNullOrWhiteSpace(name.ZhCn) || string.IsNullOrWhiteSpace(name.En))
        {
            Fail(path + ".name", "needs both zhCn and en text.");
            return false;
        }

        return true;
    }

    private void RequirePrice(long price, string path)
    {
        if (price is < 0 or > CatalogLimits.MaxPrice)
        {
            Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {CatalogLimits.MaxPrice} minor units, was {price}."));
        }
    }

    private void Fail(string path, string reason) => _failures.Add($"{path}: {reason}");

    private static int Count<T>(IReadOnlyList<T>? list) => list?.Count ?? 0;
}
