using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

// Seeded generators of valid orders over the test menu, and a policy that exercises every step.
internal static class RandomOrders
{
    public static PricingPolicy RichPolicy(CashRoundingUnit unit = CashRoundingUnit.Jiao, CashRoundingMode mode = CashRoundingMode.Floor) => new()
    {
        Promotions =
        [
            new PromotionDefinition { Id = "hot-88", Name = new("热菜八八折", "Hot 12% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1200, CategoryIds = ["hot"], Priority = 5 },
            new PromotionDefinition { Id = "dumpling-half", Name = new("饺子第二份半价", "Dumplings 2nd half"), Kind = PromotionKind.NthItemPercent, NthItem = 2, PercentOff = 5000, ItemIds = ["dumpling"] },
            new PromotionDefinition { Id = "rice-b2g1", Name = new("米饭买二送一", "Rice buy 2 get 1"), Kind = PromotionKind.BuyXGetY, BuyQuantity = 2, GetQuantity = 1, ItemIds = ["rice"] },
            new PromotionDefinition
            {
                Id = "manjian",
                Name = new("满100减20", "20 off 100"),
                Kind = PromotionKind.SpendTiers,
                Stackable = true,
                ExclusivityGroup = "order",
                Tiers = [new SpendTier { Threshold = 10000, AmountOff = 2000 }, new SpendTier { Threshold = 30000, AmountOff = 7000 }],
            },
            new PromotionDefinition { Id = "order-95", Name = new("全单95折", "5% off"), Kind = PromotionKind.OrderPercent, PercentOff = 500, Stackable = true, ExclusivityGroup = "order" },
            new PromotionDefinition { Id = "fixed-3", Name = new("立减3元", "3 off"), Kind = PromotionKind.AmountOff, AmountOff = 300, Stackable = true, MinimumSpend = 5000 },
        ],
        Fees =
        [
            new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 500, Taxable = true },
            new FeeDefinition { Id = "tea", Name = new("茶位费", "Tea"), Kind = FeeKind.PerGuest, Amount = 200, OrderTypes = [OrderType.DineIn] },
        ],
        TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }],
        DefaultTaxRateId = "vat6",
        CashRounding = new CashRounding { Unit = unit, Mode = mode },
    };

    public static PricingRequest Create(Random random, int lines)
    {
        var request = Order();
        for (var i = 0; i < lines; i++)
        {
            request.Lines.Add(RandomLine(random));
        }

        request.Context.At = Lunch;
        request.Context.GuestCount = random.Next(0, 7);
        return request;
    }

    public static OrderLineRequest RandomLine(Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                var kungpao = Line("kungpao", random.Next(1, 4), "mild");
                if (random.Next(2) == 0)
                {
                    kungpao.Modifiers.Add(new ModifierSelection("egg", random.Next(1, 3)));
                }

                return kungpao;
            case 1:
                return Line(random.Next(2) == 0 ? "fish-s" : "fish-l", random.Next(1, 3));
            case 2:
                return Line("cucumber", random.Next(1, 5));
            case 3:
                return Line("beer", random.Next(1, 7));
            case 4:
                return Line("rice", random.Next(1, 7));
            case 5:
                return Line("dumpling", 2 * random.Next(1, 5));
            case 6:
                var crab = Line("crab");
                crab.WeightGrams = random.Next(100, 2000);
                return crab;
            default:
                var set = Line("lunch-set", random.Next(1, 3));
                set.ComboChoices.Add(new ComboSelection("main", random.Next(2) == 0 ? "kungpao" : "fish-s"));
                set.ComboChoices.Add(new ComboSelection("side", "rice", random.Next(1, 3)));
                return set;
        }
    }
}
