using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Ordering.Sdk.Catalog;

/// <summary>
/// An immutable, validated menu with constant-time lookups, built once from a <see cref="CatalogDefinition"/>
/// and shared by every pricing call.
/// </summary>
/// <remarks>
/// <see cref="Create"/> checks the whole definition eagerly (unique ids, known categories and groups, sane
/// limits and prices, combo options that name plain dishes) and reports every problem at once. A new menu
/// (price change, 估清) is a new catalog; the old one stays valid for orders being priced with it. The catalog
/// keeps references to the definition's objects: do not change the definition (or lists passed into it) after
/// <see cref="Create"/>; build or deserialize a new definition instead.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class MenuCatalog
{
    private readonly FrozenDictionary<string, CompiledSku> _skus;
    private readonly FrozenDictionary<string, (ModifierGroupDefinition Group, ModifierChoiceDefinition Choice)> _choices;
    private readonly FrozenDictionary<string, CategoryDefinition> _categories;
    private readonly FrozenDictionary<string, CompiledItem> _items;

    internal MenuCatalog(
        CatalogDefinition definition,
        Currency currency,
        FrozenDictionary<string, CompiledSku> skus,
        FrozenDictionary<string, (ModifierGroupDefinition, ModifierChoiceDefinition)> choices,
        FrozenDictionary<string, CategoryDefinition> categories,
        FrozenDictionary<string, CompiledItem> items)
    {
        Definition = definition;
        Currency = currency;
        _skus = skus;
        _choices = choices;
        _categories = categories;
        _items = items;
    }

    /// <summary>Gets the definition the catalog was built from.</summary>
    public CatalogDefinition Definition { get; }

    /// <summary>Gets the currency every price is in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the number of SKUs.</summary>
    public int SkuCount => _skus.Count;

    /// <summary>Validates a definition and builds the catalog.</summary>
    /// <param name="definition">The menu.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="CatalogValidationException">The definition is inconsistent; every problem is listed.</exception>
    public static MenuCatalog Create(CatalogDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CatalogBuilder(definition).Build();
    }

    /// <summary>Finds a SKU and its item.</summary>
    /// <param name="skuId">The SKU id.</param>
    /// <param name="item">The item when found.</param>
    /// <param name="sku">The SKU when found.</param>
    /// <returns><see langword="true"/> when the SKU exists.</returns>
    public bool TryGetSku(string skuId, [NotNullWhen(true)] out ItemDefinition? item, [NotNullWhen(true)] out SkuDefinition? sku)
    {
        if (skuId is not null && _skus.TryGetValue(skuId, out var compiled))
        {
            item = compiled.Item.Definition;
            sku = compiled.Definition;
            return true;
        }

        item = null;
        sku = null;
        return false;
    }

    /// <summary>Finds a category.</summary>
    /// <param name="categoryId">The category id.</param>
    /// <param name="category">The category when found.</param>
    /// <returns><see langword="true"/> when the category exists.</returns>
    public bool TryGetCategory(string categoryId, [NotNullWhen(true)] out CategoryDefinition? category)
    {
        category = null;
        return categoryId is not null && _categories.TryGetValue(categoryId, out category);
    }

    internal bool TryGetCompiledSku(string? skuId, [NotNullWhen(true)] out CompiledSku? sku)
    {
        sku = null;
        return skuId is not null && _skus.TryGetValue(skuId, out sku);
    }

    internal bool TryGetChoice(string? choiceId, out ModifierGroupDefinition group, out ModifierChoiceDefinition choice)
    {
        if (choiceId is not null && _choices.TryGetValue(choiceId, out var found))
        {
            (group, choice) = found;
            return true;
        }

        group = null!;
        choice = null!;
        return false;
    }

    internal bool ContainsItem(string itemId) => _items.ContainsKey(itemId);

    internal bool ContainsCategory(string categoryId) => _categories.ContainsKey(categoryId);

    internal IEnumerable<CompiledSku> CompiledSkus => _skus.Values;
}
