using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Catalog;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class LineResolverTests
{
    [Fact]
    public void Price_ModifiersAndQuantity_GrossIncludesAddOnsPerUnit()
    {
        var line = Line("kungpao", 2, "medium", "peanut");
        line.Modifiers.Add(new ModifierSelection("egg", 2));

        var result = Engine().Price(Order(line));

        var priced = result.Lines[0];
        Assert.Equal(3800, priced.UnitPrice);
        Assert.Equal(500, priced.AddOnsPerUnit); // peanut 1.00 + egg 2.00 × 2
        Assert.Equal(8600, priced.Gross);
        Assert.Equal(8600, result.Totals.AmountDue);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_Channels_DeliveryPriceReplacesListPrice()
    {
        var request = Order(Line("fish-l"));
        request.Context.Channel = SalesChannel.Delivery;

        var priced = Engine().Price(request).Lines[0];

        Assert.Equal((9800, 8800, PriceSource.Channel), (priced.UnitPrice, priced.ListUnitPrice, priced.PriceSource));
    }

    [Theory]
    [InlineData(17, 30, 600, PriceSource.TimeWindow)] // happy hour, store time
    [InlineData(19, 0, 1000, PriceSource.List)]
    public void Price_TimeWindow_ReadsStoreLocalTime(int hour, int minute, long expected, PriceSource source)
    {
        var request = Order(Line("beer"));
        request.Context.At = new DateTimeOffset(2026, 11, 24, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

        var priced = Engine().Price(request).Lines[0];

        Assert.Equal((expected, source), (priced.UnitPrice, priced.PriceSource));
    }

    [Fact]
    public void Price_TimeWindow_UsesTheEngineClockWhenNoInstantIsGiven()
    {
        var engine = Engine(now: new DateTimeOffset(2026, 11, 24, 9, 45, 0, TimeSpan.Zero)); // 17:45 in Shanghai

        Assert.Equal(600, engine.Price(Order(Line("beer"))).Lines[0].UnitPrice);
    }

    [Fact]
    public void Price_Member_GetsMemberPriceOnlyWhenLower()
    {
        var request = Order(Line("fish-s"), Line("fish-l"));
        request.Context.MemberId = "m-1";

        var result = Engine().Price(request);

        Assert.Equal((5200, PriceSource.Member), (result.Lines[0].UnitPrice, result.Lines[0].PriceSource));
        Assert.Equal((8800, PriceSource.List), (result.Lines[1].UnitPrice, result.Lines[1].PriceSource));
    }

    [Fact]
    public void Price_ManualOverride_ReplacesPriceAndIsExplainedInTheLedger()
    {
        var line = Line("fish-l", 2);
        line.PriceOverride = new ManualPriceOverride { UnitPrice = 8000, Reason = "老顾客", OperatorId = "mgr-7" };

        var result = Engine().Price(Order(line));

        Assert.Equal((8000, PriceSource.Manual, 16000L), (result.Lines[0].UnitPrice, result.Lines[0].PriceSource, result.Totals.AmountDue));
        var adjustment = result.Single(AdjustmentKind.PriceOverride);
        Assert.Equal((-1600L, "老顾客", "mgr-7", false), (adjustment.Amount, adjustment.Reason, adjustment.OperatorId, adjustment.AffectsAmountDue));
        result.AssertConsistent();
    }

    [Theory]
    [InlineData(750, 19200)] // 1.5 斤 × 128.00
    [InlineData(333, 8525)] // 85.248 → 85.25 half-up
    public void Price_Weighed_PricePerUnitWeightTimesGrams(int grams, long expected)
    {
        var line = Line("crab");
        line.WeightGrams = grams;

        var result = Engine().Price(Order(line));

        Assert.Equal((expected, grams, 1), (result.Lines[0].Gross, result.Lines[0].WeightGrams, result.Lines[0].Quantity));
    }

    [Fact]
    public void Price_Combo_AddsChoiceSurcharges()
    {
        var line = Line("lunch-set");
        line.ComboChoices.Add(new ComboSelection("main", "fish-s"));
        line.ComboChoices.Add(new ComboSelection("side", "cucumber"));
        line.ComboChoices.Add(new ComboSelection("side", "rice"));

        var priced = Engine().Price(Order(line)).Lines[0];

        Assert.Equal((3900, 1000, 4900L), (priced.UnitPrice, priced.AddOnsPerUnit, priced.Gross));
    }

    [Theory]
    [InlineData("ghost", 1, PricingErrorCode.UnknownSku, "lines[0].skuId")]
    [InlineData("duck", 1, PricingErrorCode.SoldOut, "lines[0].skuId")]
    [InlineData("rice", 0, PricingErrorCode.InvalidQuantity, "lines[0].quantity")]
    [InlineData("rice", -3, PricingErrorCode.InvalidQuantity, "lines[0].quantity")]
    [InlineData("dumpling", 3, PricingErrorCode.InvalidQuantity, "lines[0].quantity")] // 2 起售, 增售 2
    [InlineData("dumpling", 22, PricingErrorCode.InvalidQuantity, "lines[0].quantity")]
    [InlineData("crab", 1, PricingErrorCode.InvalidWeight, "lines[0].weightGrams")]
    [InlineData("ribs", 3, PricingErrorCode.InsufficientStock, "lines[0].quantity")]
    public void Price_BadLine_ReturnsStructuredError(string sku, int quantity, PricingErrorCode code, string path)
    {
        var result = Engine().Fail(Order(Line(sku, quantity)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, path), (error.Code, error.Path));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageZhCn));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
    }

    [Fact]
    public void Price_StockSharedAcrossLines_IsCheckedOnTheWholeOrder()
    {
        var result = Engine().Fail(Order(Line("ribs"), Line("ribs", 2)));

        Assert.Equal(PricingErrorCode.InsufficientStock, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Price_ReusedResultAfterUnknownSku_ReportsStockOnTheRightLine()
    {
        var engine = Engine();
        var result = new PricingResult();
        Assert.True(engine.Price(Order(Line("ribs")), result));

        Assert.False(engine.Price(Order(Line("ghost"), Line("ribs", 3)), result));

        Assert.Equal(["lines[0].skuId", "lines[1].quantity"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Price_BadModifiersAndCombos_ReportEveryProblemWithItsPath()
    {
        var noSpice = Line("kungpao", 1, "egg");
        var unknown = Line("kungpao", 1, "medium", "truffle");
        var tooMany = Line("kungpao", 1, "medium");
        tooMany.Modifiers.Add(new ModifierSelection("egg", 3));
        var combo = Line("lunch-set");
        combo.ComboChoices.Add(new ComboSelection("main", "duck"));
        var comboOnDish = Line("rice");
        comboOnDish.ComboChoices.Add(new ComboSelection("main", "kungpao"));

        var result = Engine().Fail(Order(noSpice, unknown, tooMany, combo, comboOnDish));

        var found = result.Errors.Select(e => (e.Code, e.Path)).ToList();
        Assert.Contains((PricingErrorCode.ModifierCountOutOfRange, "lines[0].modifiers"), found);
        Assert.Contains((PricingErrorCode.InvalidModifier, "lines[1].modifiers[1]"), found);
        Assert.Contains((PricingErrorCode.InvalidModifier, "lines[2].modifiers[1].quantity"), found);
        Assert.Contains((PricingErrorCode.InvalidComboChoice, "lines[3].comboChoices[0]"), found);
        Assert.Contains((PricingErrorCode.ComboCountOutOfRange, "lines[3].comboChoices"), found);
        Assert.Contains((PricingErrorCode.InvalidComboChoice, "lines[4].comboChoices"), found);
    }

    [Fact]
    public void Price_EmptyOrNegativeGuests_AreErrorsNotExceptions()
    {
        Assert.Equal(PricingErrorCode.EmptyOrder, Assert.Single(Engine().Fail(Order()).Errors).Code);
        var request = Order(Line("rice"));
        request.Context.GuestCount = -1;
        Assert.Equal("context.guestCount", Assert.Single(Engine().Fail(request).Errors).Path);
    }

    [Fact]
    public void Price_AmountsBeyondLong_ReturnOverflowError()
    {
        var huge = new CatalogDefinition
        {
            Categories = [TestMenu.Category("c", "类", "Cat")],
            Items = [new ItemDefinition { Id = "gold", Name = new("金", "Gold"), CategoryId = "c", MaxQuantity = 1_000_000, Skus = [TestMenu.Sku("gold", "份", "Plate", 1_000_000_000_000)] }],
        };
        var engine = PricingEngine.Create(MenuCatalog.Create(huge), new PricingPolicy());
        var request = Order(Enumerable.Range(0, 10).Select(_ => Line("gold", 1_000_000)).ToArray());

        var result = engine.Fail(request);

        Assert.Equal(PricingErrorCode.AmountOverflow, Assert.Single(result.Errors).Code);
    }
}
