using System.Text;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayBillTests
{
    [Fact]
    public async Task DownloadBill_SandboxDay_ListsPaymentsAndRefundsInFen()
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("B1", 1234), CancellationToken.None);
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("B2", 1), CancellationToken.None);
        await h.Channel.RefundAsync(new RefundChannelRequest("B1", "B1-r", Money.Fen(234), Money.Fen(1234), null), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1));

        var bill = await h.Bills.DownloadBillAsync(new DateOnly(2026, 11, 24), CancellationToken.None);

        Assert.Equal(PaymentChannelId.Alipay, bill.Channel);
        Assert.Equal(3, bill.Records.Count);
        var b1 = bill.Records.Single(r => r.MerchantOrderNumber == "B1" && r.Kind == ChannelBillRecordKind.Payment);
        Assert.Equal(Money.Fen(1234), b1.Amount);
        Assert.Equal(h.Sandbox.GetTrade("B1")!.TradeNo, b1.ChannelTransactionId);
        var refund = bill.Records.Single(r => r.Kind == ChannelBillRecordKind.Refund);
        Assert.Equal(("B1", "B1-r", Money.Fen(234)), (refund.MerchantOrderNumber, refund.RefundNumber, refund.Amount));
        Assert.Equal(Money.Fen(1), bill.Records.Single(r => r.MerchantOrderNumber == "B2").Amount);
    }

    [Fact]
    public async Task DownloadBill_Today_ThrowsChannelBillException()
    {
        await using var h = AlipayHarness.Create();

        var error = await Assert.ThrowsAsync<ChannelBillException>(() => h.Bills.DownloadBillAsync(new DateOnly(2026, 11, 24), CancellationToken.None).AsTask());

        Assert.Contains("isp.bill_not_exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n1,A,交易,2026-11-24 10:00:00,1.2.3,\n")]
    [InlineData("支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n1,A,转账,2026-11-24 10:00:00,1.00,\n")]
    [InlineData("支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n1,A,交易,24/11/2026,1.00,\n")]
    [InlineData("支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n1,A,退款,2026-11-24 10:00:00,-1.00,\n")]
    [InlineData("支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n1,A,交易,2026-11-24 10:00:00,-1.00,\n")]
    [InlineData("商户订单号,业务类型\nA,交易\n")]
    [InlineData("#only comments\n")]
    public void ParseCsv_Malformed_ThrowsWithLine(string csv)
    {
        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseCsv(csv, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void ParseCsv_PaddedFieldsAndComments_AreParsedInChinaTime()
    {
        const string csv = "#支付宝业务明细查询\r\n支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\r\n2026112422001\t,A1\t,交易,2026-11-24 23:59:59,0.10,\r\n#end\r\n";

        var record = Assert.Single(AlipayBillParser.ParseCsv(csv, new DateOnly(2026, 11, 24)).Records);

        Assert.Equal(("2026112422001", "A1", Money.Fen(10)), (record.ChannelTransactionId, record.MerchantOrderNumber, record.Amount));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 59, 59, TimeSpan.Zero), record.OccurredAt);
    }

    [Fact]
    public void ParseZip_NotAZip_Throws()
    {
        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseZip(Encoding.UTF8.GetBytes("<html>expired</html>"), new DateOnly(2026, 11, 24)));
    }
}
