using System.Globalization;
using System.Runtime.CompilerServices;
using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// Steps 1 and 2: validate each line against the menu, resolve its unit price (channel → time window →
// member → manual) and add modifier and combo surcharges. Reports every bad line, not just the first.
internal static class LineResolver
{
    private const string OverrideRuleId = "manual-price";
    private static readonly LocalizedText OverrideName = new("改价", "Price override");

    public static void Run(in PricingCall call)
    {
        var work = call.Work;
        var countStock = call.Policy.HasStockLimits;
        if (countStock)
        {
            work.EnsureSkuCapacity(call.Policy.SkuCount);
            Array.Clear(work.SkuQuantity, 0, call.Policy.SkuCount);
        }

        var lines = call.Output.LineBuffer;
        for (var i = 0; i < call.Count; i++)
        {
            var request = call.Request.Lines[i];
            if (request is null || !call.Policy.Catalog.TryGetCompiledSku(request.SkuId, out var sku))
            {
                work.Skus[i] = null!; // no stale SKU from an earlier call may be read for this line
                Error(call, PricingErrorCode.UnknownSku, i, ".skuId", $"菜品规格“{request?.SkuId}”不在菜单上", $"SKU '{request?.SkuId}' is not on the menu.");
                continue;
            }

            ResolveLine(call, i, request, sku, ref lines[i]);
        }

        if (countStock)
        {
            CheckStock(call);
        }
    }

    private static void ResolveLine(in PricingCall call, int i, OrderLineRequest request, CompiledSku sku, ref PricedLine line)
    {
        var work = call.Work;
        var item = sku.Item.Definition;
        var definition = sku.Definition;
        var quantity = request.Quantity;
        var weighed = item.Kind == ItemKind.Weighed;
        work.Skus[i] = sku;

        if (definition.SoldOut)
        {
            SoldOut(call, i, item);
        }

        // Most dishes sell in steps of one: skip the division then.
        if (quantity < item.MinQuantity || quantity > item.MaxQuantity || (item.QuantityStep != 1 && (quantity - item.MinQuantity) % item.QuantityStep != 0))
        {
            InvalidQuantity(call, i, item, quantity);
            quantity = Math.Max(quantity, 0);
        }

        if (weighed && (request.WeightGrams <= 0 || request.WeightGrams > CatalogLimits.MaxWeightGrams))
        {
            InvalidWeight(call, i, item);
        }

        if (call.Policy.HasStockLimits)
        {
            work.SkuQuantity[sku.Index] = checked(work.SkuQuantity[sku.Index] + quantity);
        }

        var (unitPrice, source) = sku.HasPriceRules ? ResolveUnitPrice(call, definition) : (definition.Price, PriceSource.List);
        var listPrice = definition.Price;
        if (request.PriceOverride is { } manual)
        {
            if (manual.UnitPrice is < 0 or > CatalogLimits.MaxPrice || string.IsNullOrWhiteSpace(manual.Reason) || string.IsNullOrWhiteSpace(manual.OperatorId))
            {
                Error(call, PricingErrorCode.InvalidManualAdjustment, i, ".priceOverride", "改价需要有效价格、原因和操作员", "A price override needs a valid price, a reason and an operator.");
            }
            else
            {
                RecordOverride(call, i, manual, unitPrice, quantity, weighed ? request.WeightGrams : 0, definition.WeightUnitGrams);
                unitPrice = manual.UnitPrice;
                source = PriceSource.Manual;
            }
        }

        // Most dishes have neither modifiers nor combo groups; skip the checks that could not find anything.
        long addOns = 0;
        if (sku.Item.ModifierGroups.Length > 0 || request.Modifiers.Count > 0)
        {
            addOns = Modifiers(call, i, request, sku.Item);
        }

        if (item.Kind == ItemKind.Combo || request.ComboChoices.Count > 0)
        {
            addOns = checked(addOns + ComboSurcharges(call, i, request, sku.Item));
        }

        long unitGross;
        if (weighed)
        {
            var weighedAmount = FenMath.MulDiv(unitPrice, Math.Max(request.WeightGrams, 0), definition.WeightUnitGrams, call.Policy.Rounding.WeighedAmount);
            unitGross = checked(weighedAmount + addOns);
            quantity = 1;
        }
        else
        {
            unitGross = checked(unitPrice + addOns);
        }

        var gross = checked(unitGross * quantity);
        work.UnitGross[i] = unitGross;
        work.UnitBase[i] = unitPrice;
        work.Units[i] = quantity;
        work.Remaining[i] = gross;
        work.Claimed[i] = false;
        work.Discounted[i] = false;
        work.TaxableFees[i] = 0;

        line.SkuId = sku.Id;
        line.ItemId = item.Id;
        line.CategoryId = item.CategoryId;
        line.Name = item.Name;
        line.DinerTag = request.DinerTag;
        line.Quantity = quantity;
        line.WeightGrams = weighed ? request.WeightGrams : 0;
        line.ListUnitPrice = listPrice;
        line.UnitPrice = unitPrice;
        line.PriceSource = source;
        line.AddOnsPerUnit = addOns;
        line.Gross = gross;
    }

    private static void RecordOverride(in PricingCall call, int i, ManualPriceOverride manual, long resolved, int quantity, int grams, int unitGrams)
    {
        var shares = call.Work.Scratch;
        Array.Clear(shares, 0, call.Count);
        var rounding = call.Policy.Rounding.WeighedAmount;
        shares[i] = grams > 0
            ? FenMath.MulDiv(manual.UnitPrice, grams, unitGrams, rounding) - FenMath.MulDiv(resolved, grams, unitGrams, rounding)
            : checked((manual.UnitPrice - resolved) * quantity);
        call.Output.AddAdjustment(AdjustmentKind.PriceOverride, OverrideRuleId, OverrideName, shares[i], manual.Reason, manual.OperatorId, shares, call.Count);
    }

    private static (long Price, PriceSource Source) ResolveUnitPrice(in PricingCall call, SkuDefinition sku)
    {
        var price = sku.Price;
        var source = PriceSource.List;
        var channel = call.Context.Channel;
        for (var c = 0; c < sku.ChannelPrices.Count; c++)
        {
            if (sku.ChannelPrices[c].Channel == channel)
            {
                price = sku.ChannelPrices[c].Price;
                source = PriceSource.Channel;
                break;
            }
        }

        for (var t = 0; t < sku.TimePrices.Count; t++)
        {
            var timePrice = sku.TimePrices[t];
            if (AppliesOn(timePrice.Channels, channel) && timePrice.Window.Contains(call.LocalTime))
            {
                price = timePrice.Price;
                source = PriceSource.TimeWindow;
                break;
            }
        }

        // A member never pays more than a guest: the member price only wins when it is lower.
        if (call.IsMember && sku.MemberPrice is { } member && member < price)
        {
            price = member;
            source = PriceSource.Member;
        }

        return (price, source);
    }

    private static long Modifiers(in PricingCall call, int i, OrderLineRequest request, CompiledItem item)
    {
        var groups = item.ModifierGroups;
        var counts = call.Work.GroupCounts.AsSpan(0, Math.Min(groups.Length, PricingWorkspace.MaxGroups));
        counts.Clear();
        long total = 0;
        for (var m = 0; m < request.Modifiers.Count; m++)
        {
            var selection = request.Modifiers[m];
            var groupIndex = -1;
            if (call.Policy.Catalog.TryGetChoice(selection.ChoiceId, out var group, out var choice))
            {
                groupIndex = IndexOfGroup(groups, group);
            }

            if (groupIndex < 0 || groupIndex >= counts.Length)
            {
                ModifierNotOffered(call, i, m, selection.ChoiceId, item.Definition);
                continue;
            }

            if (selection.Quantity < 1 || selection.Quantity > choice.MaxQuantity)
            {
                InvalidModifierQuantity(call, i, m, choice, selection.Quantity);
                continue;
            }

            counts[groupIndex] += selection.Quantity;
            total = checked(total + (choice.Price * selection.Quantity));
        }

        for (var g = 0; g < counts.Length; g++)
        {
            var group = groups[g];
            if (counts[g] < group.MinChoices || counts[g] > group.MaxChoices)
            {
                ModifierCountOutOfRange(call, i, group, counts[g]);
            }
        }

        return total;
    }

    private static long ComboSurcharges(in PricingCall call, int i, OrderLineRequest request, CompiledItem item)
    {
        var groups = item.Definition.ComboGroups;
        if (item.Definition.Kind != ItemKind.Combo)
        {
            if (request.ComboChoices.Count > 0)
            {
                Error(call, PricingErrorCode.InvalidComboChoice, i, ".comboChoices", $"“{item.Definition.Name.ZhCn}”不是套餐", $"'{item.Definition.Name.En}' is not a combo.");
            }

            return 0;
        }

        var counts = call.Work.GroupCounts.AsSpan(0, Math.Min(groups.Count, PricingWorkspace.MaxGroups));
        counts.Clear();
        long total = 0;
        for (var c = 0; c < request.ComboChoices.Count; c++)
        {
            var choice = request.ComboChoices[c];
            var g = IndexOfGroup(groups, choice.GroupId);
            var o = g < 0 ? -1 : IndexOfOption(item.ComboOptionSkus[g], choice.SkuId);
            if (g < 0 || g >= counts.Length || o < 0)
            {
                Error(call, PricingErrorCode.InvalidComboChoice, i, $".comboChoices[{c}]", $"套餐“{item.Definition.Name.ZhCn}”没有“{choice.GroupId}/{choice.SkuId}”这个选项", $"Combo '{item.Definition.Name.En}' has no option '{choice.SkuId}' in group '{choice.GroupId}'.");
                continue;
            }

            var option = groups[g].Options[o];
            var optionSku = item.ComboOptionSkus[g][o];
            if (choice.Quantity < 1 || choice.Quantity > option.MaxQuantity)
            {
                Error(call, PricingErrorCode.InvalidComboChoice, i, $".comboChoices[{c}].quantity", $"“{optionSku.Item.Definition.Name.ZhCn}”最多选{option.MaxQuantity}份", $"'{optionSku.Item.Definition.Name.En}' can be picked 1 to {option.MaxQuantity} times, not {choice.Quantity}.");
                continue;
            }

            if (optionSku.Definition.SoldOut)
            {
                Error(call, PricingErrorCode.InvalidComboChoice, i, $".comboChoices[{c}]", $"套餐选项“{optionSku.Item.Definition.Name.ZhCn}”已估清", $"Combo option '{optionSku.Item.Definition.Name.En}' is sold out.");
                continue;
            }

            counts[g] += choice.Quantity;
            total = checked(total + (option.Surcharge * choice.Quantity));
        }

        for (var g = 0; g < counts.Length; g++)
        {
            var group = groups[g];
            if (counts[g] < group.MinChoices || counts[g] > group.MaxChoices)
            {
                Error(call, PricingErrorCode.ComboCountOutOfRange, i, ".comboChoices", $"“{group.Name.ZhCn}”需选{group.MinChoices}至{group.MaxChoices}项，已选{counts[g]}项", $"'{group.Name.En}' needs {group.MinChoices} to {group.MaxChoices} choices, got {counts[g]}.");
            }
        }

        return total;
    }

    // Remaining stock (估清 counts) is checked on the whole order: two lines of the same dish share it.
    private static void CheckStock(in PricingCall call)
    {
        for (var i = 0; i < call.Count; i++)
        {
            var sku = call.Work.Skus[i];
            if (sku is null || sku.Definition.RemainingQuantity is not { } remaining)
            {
                continue;
            }

            var wanted = call.Work.SkuQuantity[sku.Index];
            if (wanted > remaining)
            {
                Error(call, PricingErrorCode.InsufficientStock, i, ".quantity", $"“{sku.Item.Definition.Name.ZhCn}”仅剩{remaining}份，本单共点{wanted}份", $"Only {remaining} of '{sku.Item.Definition.Name.En}' left; the order asks for {wanted}.");
                call.Work.SkuQuantity[sku.Index] = 0; // report once per SKU
            }
        }
    }

    private static int IndexOfGroup(ModifierGroupDefinition[] groups, ModifierGroupDefinition group)
    {
        for (var g = 0; g < groups.Length; g++)
        {
            if (ReferenceEquals(groups[g], group))
            {
                return g;
            }
        }

        return -1;
    }

    private static int IndexOfGroup(IReadOnlyList<ComboGroupDefinition> groups, string? id)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            if (string.Equals(groups[g].Id, id, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return -1;
    }

    private static int IndexOfOption(CompiledSku[] options, string? skuId)
    {
        for (var o = 0; o < options.Length; o++)
        {
            if (string.Equals(options[o].Id, skuId, StringComparison.Ordinal))
            {
                return o;
            }
        }

        return -1;
    }

    internal static bool AppliesOn(IReadOnlyList<SalesChannel> channels, SalesChannel channel)
    {
        if (channels.Count == 0)
        {
            return true;
        }

        for (var c = 0; c < channels.Count; c++)
        {
            if (channels[c] == channel)
            {
                return true;
            }
        }

        return false;
    }

    // The error reports live outside the hot methods: their message formatting would otherwise be inlined and
    // give every line's resolution a large stack frame to set up.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SoldOut(in PricingCall call, int i, ItemDefinition item) =>
        Error(call, PricingErrorCode.SoldOut, i, ".skuId", $"“{item.Name.ZhCn}”已估清", $"'{item.Name.En}' is sold out.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InvalidQuantity(in PricingCall call, int i, ItemDefinition item, int quantity) =>
        Error(
            call,
            PricingErrorCode.InvalidQuantity,
            i,
            ".quantity",
            $"“{item.Name.ZhCn}”数量{quantity}无效：{item.MinQuantity}份起售，每次增加{item.QuantityStep}份，最多{item.MaxQuantity}份",
            $"Quantity {quantity} of '{item.Name.En}' is invalid: minimum {item.MinQuantity}, step {item.QuantityStep}, maximum {item.MaxQuantity}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InvalidWeight(in PricingCall call, int i, ItemDefinition item) =>
        Error(call, PricingErrorCode.InvalidWeight, i, ".weightGrams", $"称重菜“{item.Name.ZhCn}”需要有效重量（克）", $"Weighed item '{item.Name.En}' needs a weight in grams between 1 and {CatalogLimits.MaxWeightGrams}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ModifierNotOffered(in PricingCall call, int i, int m, string? choiceId, ItemDefinition item) =>
        Error(call, PricingErrorCode.InvalidModifier, i, $".modifiers[{m}]", $"做法/加料“{choiceId}”不适用于“{item.Name.ZhCn}”", $"Modifier '{choiceId}' is not offered with '{item.Name.En}'.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InvalidModifierQuantity(in PricingCall call, int i, int m, ModifierChoiceDefinition choice, int quantity) =>
        Error(call, PricingErrorCode.InvalidModifier, i, $".modifiers[{m}].quantity", $"“{choice.Name.ZhCn}”最多选{choice.MaxQuantity}份", $"'{choice.Name.En}' can be taken 1 to {choice.MaxQuantity} times, not {quantity}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ModifierCountOutOfRange(in PricingCall call, int i, ModifierGroupDefinition group, int count) =>
        Error(call, PricingErrorCode.ModifierCountOutOfRange, i, ".modifiers", $"“{group.Name.ZhCn}”需选{group.MinChoices}至{group.MaxChoices}项，已选{count}项", $"'{group.Name.En}' needs {group.MinChoices} to {group.MaxChoices} choices, got {count}.");

    private static void Error(in PricingCall call, PricingErrorCode code, int line, string field, string zh, string en) =>
        call.Output.AddError(code, string.Create(CultureInfo.InvariantCulture, $"lines[{line}]{field}"), zh, en);
}
