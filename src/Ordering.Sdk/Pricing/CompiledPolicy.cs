using System.Collections.Frozen;
using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// The runtime form of a pricing policy against one catalog. Built once; every check that can be made
// without an order is made here, so the hot path only reads arrays and frozen dictionaries.
internal sealed class CompiledPolicy
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);

    public CompiledPolicy(MenuCatalog catalog, PricingPolicy policy)
    {
        Catalog = catalog;
        Policy = policy;
        SkuCount = catalog.SkuCount;
        foreach (var sku in catalog.CompiledSkus)
        {
            HasStockLimits |= sku.Definition.RemainingQuantity is not null;
        }

        SkuTaxRate = new int[SkuCount];
        TaxRates = CompileTaxRates();

        var itemPromotions = new List<CompiledPromotion>();
        var orderPromotions = new List<CompiledPromotion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (policy.Promotions?.Count ?? 0); i++)
        {
            var promotion = CompilePromotion(policy.Promotions![i], $"promotions[{i}]", ids);
            if (promotion is not null)
            {
                (promotion.IsItemLevel ? itemPromotions : orderPromotions).Add(promotion);
            }
        }

        var coupons = new Dictionary<string, CompiledPromotion>(StringComparer.Ordinal);
        for (var i = 0; i < (policy.Coupons?.Count ?? 0); i++)
        {
            var coupon = CompileCoupon(policy.Coupons![i], $"coupons[{i}]");
            if (coupon is not null && !coupons.TryAdd(coupon.Id, coupon))
            {
                Fail($"coupons[{i}].code", $"'{coupon.Id}' is used by another coupon.");
            }
        }

        var fees = new List<CompiledFee>();
        var feeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (policy.Fees?.Count ?? 0); i++)
        {
            var fee = CompileFee(policy.Fees![i], $"fees[{i}]", feeIds);
            if (fee is not null)
            {
                fees.Add(fee);
            }
        }

        // Minimum-spend top-ups compare against everything else, so they run last.
        fees.Sort(static (a, b) => (a.Definition.Kind == FeeKind.MinimumSpendTopUp).CompareTo(b.Definition.Kind == FeeKind.MinimumSpendTopUp));

        if (policy.CashRounding is null || !Enum.IsDefined(policy.CashRounding.Unit) || !Enum.IsDefined(policy.CashRounding.Mode))
        {
            Fail("cashRounding", "needs a defined unit (Fen, Jiao, Yuan) and mode (Floor, HalfUp, Ceiling).");
        }

        var rounding = policy.Rounding;
        if (rounding is null || !Enum.IsDefined(rounding.Discount) || !Enum.IsDefined(rounding.WeighedAmount) || !Enum.IsDefined(rounding.ServiceCharge)
            || !Enum.IsDefined(rounding.Tax) || !Enum.IsDefined(rounding.Refund))
        {
            Fail("rounding", "every rule must be one of HalfUp, HalfEven, Floor, Ceiling.");
        }

        if (!Enum.IsDefined(policy.TaxMode) || !Enum.IsDefined(policy.TaxCalculation))
        {
            Fail("taxMode", "taxMode and taxCalculation must be defined values.");
        }

        if (policy.MaxBestDealCandidates is < 1 or > 16)
        {
            Fail("maxBestDealCandidates", $"must be between 1 and 16 (2^16 combinations), was {policy.MaxBestDealCandidates}.");
        }

        if (_groups.Count > 64)
        {
            Fail("promotions", $"at most 64 exclusivity groups, found {_groups.Count}.");
        }

        if (_failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(PricingPolicy), _failures);
        }

        itemPromotions.Sort(ByPriority);
        orderPromotions.Sort(ByPriority);
        ItemPromotions = [.. itemPromotions];
        OrderPromotions = [.. orderPromotions];
        Coupons = coupons.ToFrozenDictionary(StringComparer.Ordinal);
        Fees = [.. fees];
        Rounding = rounding!;
        CashUnit = (long)policy.CashRounding!.Unit;
        CashMode = policy.CashRounding.Mode;
        MaxCandidates = policy.MaxBestDealCandidates;
        CandidateLimit = Math.Min(MaxCandidates, OrderPromotions.Length + Coupons.Count);
    }

    public MenuCatalog Catalog { get; }

    public PricingPolicy Policy { get; }

    public int SkuCount { get; }

    // True when some SKU has a remaining quantity (估清 count): only then does an order's stock need checking.
    public bool HasStockLimits { get; }

    public CompiledPromotion[] ItemPromotions { get; }

    public CompiledPromotion[] OrderPromotions { get; }

    public FrozenDictionary<string, CompiledPromotion> Coupons { get; }

    public CompiledFee[] Fees { get; }

    public TaxRateDefinition[] TaxRates { get; }

    // Index into TaxRates per SKU index, or -1 when untaxed.
    public int[] SkuTaxRate { get; }

    public RoundingRules Rounding { get; }

    public long CashUnit { get; }

    public CashRoundingMode CashMode { get; }

    public int MaxCandidates { get; }

    public int CandidateLimit { get; }

    private static int ByPriority(CompiledPromotion a, CompiledPromotion b)
    {
        var byPhase = a.Phase.CompareTo(b.Phase);
        if (byPhase != 0)
        {
            return byPhase;
        }

        var byPriority = b.Priority.CompareTo(a.Priority);
        return byPriority != 0 ? byPriority : string.CompareOrdinal(a.Id, b.Id);
    }

    private TaxRateDefinition[] CompileTaxRates()
    {
        var rates = Policy.TaxRates ?? [];
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rates.Count; i++)
        {
            var rate = rates[i];
            if (rate is null || string.IsNullOrWhiteSpace(rate.Id) || rate.Name is null)
            {
                Fail($"taxRates[{i}]", "needs an id and a name.");
                continue;
            }

            if (rate.BasisPoints is < 0 or > FenMath.BasisPointsPerWhole)
            {
                Fail($"taxRates[{i}].basisPoints", $"must be between 0 and 10000, was {rate.BasisPoints}.");
            }

            if (!byId.TryAdd(rate.Id, i))
            {
                Fail($"taxRates[{i}].id", $"'{rate.Id}' is used by another tax rate.");
            }
        }

        var defaultRate = -1;
        if (Policy.DefaultTaxRateId is { } defaultId && !byId.TryGetValue(defaultId, out defaultRate))
        {
            Fail("defaultTaxRateId", $"'{defaultId}' is not one of taxRates.");
            defaultRate = -1;
        }

        foreach (var sku in Catalog.CompiledSkus)
        {
            var itemRate = sku.Item.Definition.TaxRateId;
            if (itemRate is null)
            {
                SkuTaxRate[sku.Index] = defaultRate;
            }
            else if (byId.TryGetValue(itemRate, out var index))
            {
                SkuTaxRate[sku.Index] = index;
            }
            else
            {
                Fail($"catalog item '{sku.Item.Id}'.taxRateId", $"'{itemRate}' is not one of the policy's taxRates.");
            }
        }

        return [.. rates];
    }

    private CompiledPromotion? CompilePromotion(PromotionDefinition? p, string path, HashSet<string> ids)
    {
        if (p is null || string.IsNullOrWhiteSpace(p.Id) || p.Name is null)
        {
            Fail(path, "needs an id and a name.");
            return null;
        }

        if (!ids.Add(p.Id))
        {
            Fail(path + ".id", $"'{p.Id}' is used by another promotion.");
        }

        if (!Enum.IsDefined(p.Kind))
        {
            Fail(path + ".kind", $"'{p.Kind}' is not a promotion kind.");
            return null;
        }

        CheckCommon(path, p.PercentOff, p.MinimumSpend, p.MaxDiscount, p.Window, p.ValidFrom, p.ValidUntil);
        if (p.MaxApplications is < 1)
        {
            Fail(path + ".maxApplications", "must be at least 1 when set.");
        }

        int groupSize = 0, discounted = 0, percent = p.PercentOff, giftSku = -1;
        long[] thresholds = [], amounts = [];
        switch (p.Kind)
        {
            case PromotionKind.ItemPercent or PromotionKind.OrderPercent or PromotionKind.MemberDiscount:
                Require(p.PercentOff > 0, path + ".percentOff", "must be above 0.");
                break;
            case PromotionKind.SpecialPrice:
                Require(p.SpecialPrice is >= 0 and <= CatalogLimits.MaxPrice, path + ".specialPrice", "must be a price between 0 and the catalog maximum.");
                break;
            case PromotionKind.NthItemPercent:
                Require(p.NthItem >= 2, path + ".nthItem", "must be at least 2.");
                Require(p.PercentOff > 0, path + ".percentOff", "must be above 0.");
                groupSize = p.NthItem;
                discounted = 1;
                break;
            case PromotionKind.BuyXGetY:
                Require(p.BuyQuantity >= 1 && p.GetQuantity >= 1, path, "buyQuantity and getQuantity must be at least 1.");
                groupSize = p.BuyQuantity + p.GetQuantity;
                discounted = p.GetQuantity;
                percent = FenMath.BasisPointsPerWhole;
                break;
            case PromotionKind.Gift:
                Require(p.BuyQuantity >= 1 || p.MinimumSpend > 0, path, "a gift needs buyQuantity or minimumSpend as its trigger.");
                Require(p.GiftQuantity >= 1, path + ".giftQuantity", "must be at least 1.");
                if (p.GiftSkuId is null || !Catalog.TryGetCompiledSku(p.GiftSkuId, out var gift))
                {
                    Fail(path + ".giftSkuId", $"'{p.GiftSkuId}' is not a SKU of the catalog.");
                }
                else
                {
                    giftSku = gift.Index;
                }

                break;
            case PromotionKind.SpendTiers:
                (thresholds, amounts) = CompileTiers(p, path);
                break;
            case PromotionKind.AmountOff:
                Require(p.AmountOff is > 0 and <= CatalogLimits.MaxPrice, path + ".amountOff", "must be above 0.");
                break;
        }

        return new CompiledPromotion
        {
            Id = p.Id,
            Name = p.Name,
            Kind = p.Kind,
            Priority = p.Priority,
            Group = GroupIndex(p.ExclusivityGroup),
            Stackable = p.Stackable,
            ExcludeDiscountedItems = p.ExcludeDiscountedItems,
            EligibleSku = Targets(p.ItemIds, p.SkuIds, p.CategoryIds, path, discountableOnly: true),
            ChannelMask = ChannelMask(p.Channels),
            Window = p.Window,
            ValidFrom = p.ValidFrom,
            ValidUntil = p.ValidUntil,
            MembersOnly = p.MembersOnly || p.Kind == PromotionKind.MemberDiscount,
            MinimumSpend = p.MinimumSpend,
            MaxDiscount = p.MaxDiscount ?? long.MaxValue,
            MaxApplications = p.MaxApplications ?? int.MaxValue,
            PercentOff = percent,
            SpecialPrice = p.SpecialPrice,
            GroupSize = groupSize,
            DiscountedPerGroup = discounted,
            FreeUnits = p.FreeUnits,
            BuyQuantity = p.BuyQuantity,
            GiftSkuIndex = giftSku,
            GiftQuantity = p.GiftQuantity,
            TierThresholds = thresholds,
            TierAmounts = amounts,
            RepeatTier = p.RepeatTier,
            AmountOff = p.AmountOff,
            Phase = p.Kind switch
            {
                PromotionKind.SpendTiers => 0,
                PromotionKind.OrderPercent => 1,
                PromotionKind.AmountOff => 2,
                PromotionKind.MemberDiscount => 4,
                _ => 0,
            },
            AdjustmentKind = p.Kind switch
            {
                PromotionKind.MemberDiscount => AdjustmentKind.MemberDiscount,
                _ when p.Kind <= PromotionKind.Gift => AdjustmentKind.ItemPromotion,
                _ => AdjustmentKind.OrderPromotion,
            },
        };
    }

    private (long[] Thresholds, long[] Amounts) CompileTiers(PromotionDefinition p, string path)
    {
        var tiers = p.Tiers ?? [];
        if (tiers.Count == 0)
        {
            Fail(path + ".tiers", "a 满减 promotion needs at least one tier.");
            return ([], []);
        }

        if (p.RepeatTier && tiers.Count != 1)
        {
            Fail(path + ".tiers", "a repeating 满减 (每满) has exactly one tier.");
        }

        var thresholds = new long[tiers.Count];
        var amounts = new long[tiers.Count];
        for (var t = 0; t < tiers.Count; t++)
        {
            var tier = tiers[t];
            if (tier is null || tier.Threshold is <= 0 or > CatalogLimits.MaxPrice || tier.AmountOff <= 0 || tier.AmountOff > tier.Threshold)
            {
                Fail($"{path}.tiers[{t}]", "needs 0 < amountOff <= threshold.");
                continue;
            }

            if (t > 0 && (tier.Threshold <= thresholds[t - 1] || tier.AmountOff < amounts[t - 1]))
            {
                Fail($"{path}.tiers[{t}]", "tiers must rise: a higher threshold than the tier before, and no smaller amount off.");
            }

            thresholds[t] = tier.Threshold;
            amounts[t] = tier.AmountOff;
        }

        return (thresholds, amounts);
    }

    private CompiledPromotion? CompileCoupon(CouponDefinition? c, string path)
    {
        if (c is null || string.IsNullOrWhiteSpace(c.Code) || c.Name is null)
        {
            Fail(path, "needs a code and a name.");
            return null;
        }

        CheckCommon(path, c.PercentOff, c.MinimumSpend, c.MaxDiscount, null, c.ValidFrom, c.ValidUntil);
        if ((c.AmountOff > 0) == (c.PercentOff > 0) || c.AmountOff is < 0 or > CatalogLimits.MaxPrice)
        {
            Fail(path, "give exactly one of amountOff and percentOff, above 0.");
        }

        if (c.MaxRedemptions is < 1)
        {
            Fail(path + ".maxRedemptions", "must be at least 1 when set.");
        }

        return new CompiledPromotion
        {
            Id = c.Code,
            Name = c.Name,
            Kind = c.PercentOff > 0 ? PromotionKind.OrderPercent : PromotionKind.AmountOff,
            IsCoupon = true,
            Priority = c.Priority,
            Group = GroupIndex(c.ExclusivityGroup),
            Stackable = c.Stackable,
            EligibleSku = Targets(c.ItemIds, [], c.CategoryIds, path, discountableOnly: true),
            ChannelMask = ChannelMask(c.Channels),
            ValidFrom = c.ValidFrom,
            ValidUntil = c.ValidUntil,
            MinimumSpend = c.MinimumSpend,
            MaxDiscount = c.MaxDiscount ?? long.MaxValue,
            PercentOff = c.PercentOff,
            AmountOff = c.AmountOff,
            MaxRedemptions = c.MaxRedemptions ?? int.MaxValue,
            Phase = 3,
            AdjustmentKind = AdjustmentKind.Coupon,
        };
    }

    private CompiledFee? CompileFee(FeeDefinition? f, string path, HashSet<string> ids)
    {
        if (f is null || string.IsNullOrWhiteSpace(f.Id) || f.Name is null)
        {
            Fail(path, "needs an id and a name.");
            return null;
        }

        if (!ids.Add(f.Id))
        {
            Fail(path + ".id", $"'{f.Id}' is used by another fee.");
        }

        if (!Enum.IsDefined(f.Kind) || !Enum.IsDefined(f.Base))
        {
            Fail(path + ".kind", "kind and base must be defined values.");
            return null;
        }

        if (f.Kind == FeeKind.ServiceCharge)
        {
            Require(f.PercentBasisPoints is > 0 and <= FenMath.BasisPointsPerWhole, path + ".percentBasisPoints", "must be between 1 and 10000.");
        }
        else
        {
            Require(f.Amount is > 0 and <= CatalogLimits.MaxPrice, path + ".amount", "must be above 0.");
        }

        var orderTypes = 0;
        foreach (var type in f.OrderTypes ?? [])
        {
            orderTypes |= 1 << (int)type;
        }

        return new CompiledFee
        {
            Definition = f,
            EligibleSku = Targets(f.ItemIds, [], f.CategoryIds, path, discountableOnly: false),
            OrderTypeMask = orderTypes,
            AdjustmentKind = f.Kind switch
            {
                FeeKind.ServiceCharge => AdjustmentKind.ServiceCharge,
                FeeKind.PerGuest => AdjustmentKind.GuestFee,
                FeeKind.MinimumSpendTopUp => AdjustmentKind.MinimumSpendTopUp,
                _ => AdjustmentKind.PackagingFee,
            },
        };
    }

    private bool[] Targets(IReadOnlyList<string>? itemIds, IReadOnlyList<string>? skuIds, IReadOnlyList<string>? categoryIds, string path, bool discountableOnly)
    {
        itemIds ??= [];
        skuIds ??= [];
        categoryIds ??= [];
        foreach (var id in itemIds)
        {
            Require(id is not null && Catalog.ContainsItem(id), path + ".itemIds", $"'{id}' is not an item of the catalog.");
        }

        foreach (var id in skuIds)
        {
            Require(Catalog.TryGetCompiledSku(id, out _), path + ".skuIds", $"'{id}' is not a SKU of the catalog.");
        }

        foreach (var id in categoryIds)
        {
            Require(id is not null && Catalog.ContainsCategory(id), path + ".categoryIds", $"'{id}' is not a category of the catalog.");
        }

        var all = itemIds.Count == 0 && skuIds.Count == 0 && categoryIds.Count == 0;
        var eligible = new bool[SkuCount];
        foreach (var sku in Catalog.CompiledSkus)
        {
            var item = sku.Item.Definition;
            var matches = all || itemIds.Contains(item.Id) || skuIds.Contains(sku.Id) || categoryIds.Contains(item.CategoryId);
            eligible[sku.Index] = matches && (!discountableOnly || item.Discountable);
        }

        return eligible;
    }

    private void CheckCommon(string path, int percentOff, long minimumSpend, long? maxDiscount, TimeWindow? window, DateTimeOffset? from, DateTimeOffset? until)
    {
        Require(percentOff is >= 0 and <= FenMath.BasisPointsPerWhole, path + ".percentOff", "must be between 0 and 10000 basis points.");
        Require(minimumSpend is >= 0 and <= CatalogLimits.MaxPrice, path + ".minimumSpend", "must be between 0 and the catalog maximum.");
        Require(maxDiscount is null or > 0, path + ".maxDiscount", "must be above 0 when set.");
        Require(window is null || window.Start != window.End, path + ".window", "start and end are equal, so the window is empty.");
        Require(from is null || until is null || from < until, path + ".validUntil", "must be after validFrom.");
    }

    private int GroupIndex(string? group)
    {
        if (group is null)
        {
            return -1;
        }

        if (!_groups.TryGetValue(group, out var index))
        {
            index = _groups.Count;
            _groups.Add(group, index);
        }

        return index;
    }

    private static int ChannelMask(IReadOnlyList<SalesChannel>? channels)
    {
        var mask = 0;
        foreach (var channel in channels ?? [])
        {
            mask |= 1 << (int)channel;
        }

        return mask;
    }

    private void Require(bool condition, string path, string reason)
    {
        if (!condition)
        {
            Fail(path, reason);
        }
    }

    private void Fail(string path, string reason) => _failures.Add($"{path}: {reason}");
}
