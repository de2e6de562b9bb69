using System.Net;
using Ordering.Sdk.Payments.Alipay;
using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayNotificationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public void Verify_PublishedVector_IsAuthenticAndMapped()
    {
        using var client = VectorClient();
        var verifier = new AlipayNotificationVerifier(client);

        var verdict = verifier.Verify(VectorBody(), Money.Fen(10));

        Assert.True(verdict.IsAuthentic, verdict.RejectReason);
        Assert.Equal("success", verdict.Acknowledgement);
        Assert.Equal(new PaymentNotification(PaymentChannelId.Alipay, "2019081500222155624068450559358070", PaymentNotificationKind.PaymentSucceeded, "20190815155618536-564-57", Money.Fen(10), "2019081522001468450512505578"), verdict.Notification);
    }

    [Theory]
    [InlineData("total_amount", "0.11", "sign")]
    [InlineData("trade_status", "TRADE_CLOSED", "sign")]
    [InlineData("sign", "QfTb", "sign")]
    public void Verify_TamperedVector_IsRejected(string field, string value, string reasonField)
    {
        using var client = VectorClient();
        var fields = AlipaySignatureTests.VectorFields().Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f);

        var verdict = new AlipayNotificationVerifier(client).Verify(Encode(fields));

        Assert.False(verdict.IsAuthentic);
        Assert.Null(verdict.Notification);
        Assert.Equal("fail", verdict.Acknowledgement);
        Assert.StartsWith(reasonField + ":", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongExpectedAmount_IsRejected()
    {
        using var client = VectorClient();

        var verdict = new AlipayNotificationVerifier(client).Verify(VectorBody(), Money.Fen(11));

        Assert.False(verdict.IsAuthentic);
        Assert.StartsWith("total_amount:", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app_id", "2021000000000009")]
    [InlineData("seller_id", "2088000000000009")]
    public void Verify_SignedForAnotherAppOrSeller_IsRejected(string field, string configured)
    {
        var options = VectorOptions();
        if (field == "app_id")
        {
            options.AppId = configured;
        }
        else
        {
            options.SellerId = configured;
        }

        using var client = new AlipayClient(options, TimeProvider.System);

        var verdict = new AlipayNotificationVerifier(client).Verify(VectorBody());

        Assert.False(verdict.IsAuthentic);
        Assert.StartsWith(field + ":", verdict.RejectReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSignTypeIncluded_IsAcceptedToo()
    {
        using var alipay = AlipayKeys.Load(AlipayTestKeys.AlipayPrivatePem);
        using var client = new AlipayClient(AlipayTestKeys.ValidOptions(), TimeProvider.System);
        List<KeyValuePair<string, string>> fields =
        [
            new("notify_id", "n1"), new("app_id", "2021000000000001"), new("seller_id", "2088000000000001"), new("out_trade_no", "X1"),
            new("total_amount", "12.30"), new("trade_status", "TRADE_SUCCESS"), new("sign_type", "RSA2"), new("trade_no", "T"),
        ];
        fields.Add(new("sign", AlipaySignature.Sign(AlipaySignature.SignContent(fields, includeSignType: true), alipay)));

        var verdict = new AlipayNotificationVerifier(client).Verify(Encode(fields));

        Assert.True(verdict.IsAuthentic, verdict.RejectReason);
        Assert.Equal(Money.Fen(1230), verdict.Notification!.Amount);
    }

    [Fact]
    public void Verify_SignedWithTheAppKeyInsteadOfAlipays_IsRejected()
    {
        using var app = AlipayKeys.Load(AlipayTestKeys.AppPrivatePem);
        using var client = new AlipayClient(AlipayTestKeys.ValidOptions(), TimeProvider.System);
        List<KeyValuePair<string, string>> fields =
        [
            new("notify_id", "n1"), new("app_id", "2021000000000001"), new("seller_id", "2088000000000001"), new("out_trade_no", "X1"),
            new("total_amount", "12.30"), new("trade_status", "TRADE_SUCCESS"),
        ];
        fields.Add(new("sign", AlipaySignature.Sign(AlipaySignature.SignContent(fields, includeSignType: false), app)));

        Assert.False(new AlipayNotificationVerifier(client).Verify(Encode(fields)).IsAuthentic);
    }

    [Fact]
    public async Task Sandbox_PaymentNotification_IsDeliveredVerifiedAndAcknowledgedOnce()
    {
        await using var h = AlipayHarness.Create(withEndpoint: true);

        await h.Channel.ChargeAsync(AlipayHarness.CodePay("N1", 2500), CancellationToken.None);

        Assert.True(await h.Sandbox.WaitForDeliveriesAsync(1, Wait));
        var delivery = Assert.Single(h.Sandbox.Deliveries);
        Assert.True(delivery.Acknowledged);
        var verdict = Assert.Single(h.Received);
        Assert.Equal(PaymentNotificationKind.PaymentSucceeded, verdict.Notification!.Kind);
        Assert.Equal(Money.Fen(2500), verdict.Notification.Amount);
        Assert.Equal("N1", verdict.Notification.MerchantOrderNumber);
    }

    [Fact]
    public async Task Sandbox_ReceiverFails_RetriesOnAlipaysScheduleUntilSuccess()
    {
        await using var h = AlipayHarness.Create(withEndpoint: true);
        var failures = 3;
        h.Reply = v => Interlocked.Decrement(ref failures) >= 0 ? "fail" : v.Acknowledgement;

        await h.Channel.ChargeAsync(AlipayHarness.CodePay("N2", 100), CancellationToken.None);
        Assert.True(await h.Sandbox.WaitForDeliveriesAsync(1, Wait));
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(AlipaySandbox.NotificationRetrySchedule[i]);
            Assert.True(await h.Sandbox.WaitForDeliveriesAsync(i + 2, Wait));
        }

        h.Time.Advance(TimeSpan.FromDays(2));
        await Task.Delay(100);

        var deliveries = h.Sandbox.Deliveries;
        Assert.Equal([1, 2, 3, 4], deliveries.Select(d => d.Attempt));
        Assert.Equal([false, false, false, true], deliveries.Select(d => d.Acknowledged));
        Assert.Equal(AlipayHarness.Start + TimeSpan.FromMinutes(24), deliveries[^1].At);
        Assert.Single(deliveries.Select(d => d.NotifyId).Distinct());
    }

    [Fact]
    public async Task Sandbox_SignatureProbeAndDuplicate_ProbeRefusedDuplicateSameId()
    {
        await using var h = AlipayHarness.Create(withEndpoint: true);
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.BadSignatureNotification));
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.DuplicateNotification));

        await h.Channel.ChargeAsync(AlipayHarness.CodePay("N3", 100), CancellationToken.None);

        Assert.True(await h.Sandbox.WaitForDeliveriesAsync(3, Wait));
        var deliveries = h.Sandbox.Deliveries;
        Assert.All(deliveries, d => Assert.Equal(d.SignatureValid, d.Acknowledged));
        Assert.Single(deliveries, d => !d.SignatureValid);
        Assert.Equal(2, h.Received.Count(v => v.IsAuthentic));
        Assert.Single(h.Received.Where(v => v.IsAuthentic).Select(v => v.Notification!.NotificationId).Distinct());
    }

    [Fact]
    public async Task Sandbox_RefundNotification_CarriesRefundNumberAndAmount()
    {
        await using var h = AlipayHarness.Create(withEndpoint: true);
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("N4", 1000), CancellationToken.None);
        Assert.True(await h.Sandbox.WaitForDeliveriesAsync(1, Wait));

        await h.Channel.RefundAsync(new RefundChannelRequest("N4", "N4-r1", Money.Fen(400), Money.Fen(1000), null), CancellationToken.None);

        Assert.True(await h.Sandbox.WaitForDeliveriesAsync(2, Wait));
        var refund = h.Received.Select(v => v.Notification).Single(n => n!.Kind == PaymentNotificationKind.RefundSucceeded)!;
        Assert.Equal("N4-r1", refund.RefundNumber);
        Assert.Equal(Money.Fen(400), refund.Amount);
    }

    internal static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => WebUtility.UrlEncode(f.Key) + "=" + WebUtility.UrlEncode(f.Value)));

    private static string VectorBody() => Encode(AlipaySignatureTests.VectorFields());

    private static AlipayOptions VectorOptions()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.AppId = "2019073166072302";
        options.SellerId = "2088531891668739";
        options.AlipayPublicKeyPem = AlipaySignatureTests.VectorPublicKey;
        return options;
    }

    private static AlipayClient VectorClient() => new(VectorOptions(), TimeProvider.System);
}
