namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class PaymentEngineValidationTests
{
    public static TheoryData<TenderRequest, string> BadTenders() => new()
    {
        { new TenderRequest("", Money.Fen(100), Money.Fen(100), ChargeKind.Cash, "k") { CashReceived = Money.Fen(100) }, "OrderId" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(100), ChargeKind.Cash, "") { CashReceived = Money.Fen(100) }, "IdempotencyKey" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(0), ChargeKind.Cash, "k") { CashReceived = Money.Fen(100) }, "Amount" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(200), ChargeKind.Cash, "k") { CashReceived = Money.Fen(200) }, "Amount" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(100), ChargeKind.Cash, "k") { CashReceived = Money.Fen(99) }, "CashReceived" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(100), ChargeKind.Cash, "k"), "CashReceived" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(100), ChargeKind.StoredValue, "k"), "PayerId" },
        { new TenderRequest("O", Money.Fen(100), Money.Fen(100), ChargeKind.CodePay, "k"), "PaymentCode" },
        { new TenderRequest("O", Money.Fen(100), new Money(100, Currency.Usd), ChargeKind.CodePay, "k") { PaymentCode = "134567890123456789" }, "currency" },
    };

    [Theory]
    [MemberData(nameof(BadTenders))]
    public async Task PayAsync_BadTender_ThrowsNamingTheFieldAndJournalsNothing(TenderRequest request, string field)
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.PayAsync(request));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Journal.Count);
    }

    [Fact]
    public async Task PayAsync_BadTender_NeverEchoesThePaymentCode()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var request = new TenderRequest("O", Money.Fen(100), Money.Fen(200), ChargeKind.CodePay, "k") { PaymentCode = "134567890123456789" };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.PayAsync(request));

        Assert.DoesNotContain("134567890123456789", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("134567890123456789", request.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, "Amount, Lines")]
    [InlineData(100L, true, "Amount, Lines")]
    [InlineData(-5L, false, "Amount")]
    public async Task RefundAsync_BadRequest_ThrowsNamingTheField(long? amount, bool withLines, string field)
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        await engine.PayAsync(EngineHarness.CashTender("O", 1000, 1000, 1000, "k"));
        var request = new RefundRequest("O", "R1")
        {
            Amount = amount is { } a ? Money.Fen(a) : null,
            Lines = withLines ? [new RefundLine("L1", Money.Fen(100))] : null,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.RefundAsync(request));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefundAsync_DuplicateLineIdsOrBadNumber_AreRejected()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        await engine.PayAsync(EngineHarness.CashTender("O", 1000, 1000, 1000, "k"));

        await Assert.ThrowsAsync<ArgumentException>(async () => await engine.RefundAsync(new RefundRequest("O", "R1") { Lines = [new RefundLine("L1", Money.Fen(1)), new RefundLine("L1", Money.Fen(2))] }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await engine.RefundAsync(new RefundRequest("O", "R 1") { Amount = Money.Fen(1) }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await engine.RefundAsync(new RefundRequest("unknown", "R2") { Amount = Money.Fen(1) }));
    }

    [Fact]
    public async Task BuildAsync_WithoutJournal_ExplainsWhatIsMissing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new PaymentEngineBuilder().AddChannel(new CashChannel()).BuildAsync());
        Assert.Contains("UseJournal", error.Message, StringComparison.Ordinal);
    }
}
