using System.Text;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayBillTests
{
    private const string End = "#-----------------------------------------业务明细列表结束------------------------------------\n";
    private static readonly DateOnly Day = new(2026, 11, 24);

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
    [InlineData("1,A,交易,2026-11-24 10:00:00,1.2.3,\n")]
    [InlineData("1,A,转账,2026-11-24 10:00:00,1.00,\n")]
    [InlineData("1,A,交易,24/11/2026,1.00,\n")]
    [InlineData("1,A,退款,2026-11-24 10:00:00,-1.00,\n")]
    [InlineData("1,A,交易,2026-11-24 10:00:00,-1.00,\n")]
    [InlineData(",A,交易,2026-11-24 10:00:00,1.00,\n")]
    [InlineData("1,A,交易\n")]
    public void ParseCsv_MalformedRow_Throws(string row)
    {
        var csv = "支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\n" + row + End;

        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseCsv(csv, Day));
    }

    [Theory]
    [InlineData("商户订单号,业务类型\nA,交易\n" + End)]
    [InlineData("支付宝交易号,商户订单号,业务类型\n" + End)]
    [InlineData("#only comments\n")]
    public void ParseCsv_BadHeader_Throws(string csv)
    {
        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseCsv(csv, Day));
    }

    [Fact]
    public void ParseCsv_PaddedFieldsAndComments_AreParsedInChinaTime()
    {
        const string csv = "#支付宝业务明细查询\r\n支付宝交易号,商户订单号,业务类型,完成时间,订单金额（元）,退款批次号/请求号\r\n2026112422001\t,A1\t,交易\t,2026-11-24 23:59:59,0.10,\t\r\n" + End;

        var record = Assert.Single(AlipayBillParser.ParseCsv(csv, Day).Records);

        Assert.Equal(("2026112422001", "A1", Money.Fen(10)), (record.ChannelTransactionId, record.MerchantOrderNumber, record.Amount));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 59, 59, TimeSpan.Zero), record.OccurredAt);
    }

    [Fact]
    public void ParseCsv_DocumentedLayout_ReadsEveryPaymentAndRefund()
    {
        var bill = AlipayBillParser.ParseCsv(AlipayBillFixture.Detail, Day);

        Assert.Equal(4, bill.Records.Count);
        Assert.Equal(
            [
                (ChannelBillRecordKind.Payment, "2026112422001458860515315453", "T20261124-0001", Money.Fen(3_650), (string?)null),
                (ChannelBillRecordKind.Payment, "2026112422001458860513822558", "T20261124-0002", Money.Fen(12_800), null),
                (ChannelBillRecordKind.Refund, "2026112422001458860515315453", "T20261124-0001", Money.Fen(1_200), "T20261124-0001-R1"),
                (ChannelBillRecordKind.Payment, "2026112422001465870515233238", "T20261124-0003", Money.Fen(1), null),
            ],
            bill.Records.Select(r => (r.Kind, r.ChannelTransactionId, r.MerchantOrderNumber, r.Amount, r.RefundNumber)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 31, 5, TimeSpan.FromHours(8)), bill.Records[2].OccurredAt);
    }

    [Fact]
    public void ParseZip_DocumentedArchive_ReadsTheGbkDetailFileNotTheSummary()
    {
        var bill = AlipayBillParser.ParseZip(AlipayBillFixture.Zip(), Day);

        Assert.Equal(4, bill.Records.Count);
        Assert.Contains(bill.Records, r => r.MerchantOrderNumber == "T20261124-0003" && r.Amount == Money.Fen(1));
    }

    [Theory]
    [InlineData("#交易合计：3笔", "#交易合计：2笔")]
    [InlineData("商家实收退款共-12.00元", "商家实收退款共-12.01元")]
    [InlineData("#-----------------------------------------业务明细列表结束------------------------------------\r\n", "")]
    public void ParseCsv_TotalsDisagreeOrTruncated_Throws(string original, string tampered)
    {
        var csv = AlipayBillFixture.Detail.Replace(original, tampered, StringComparison.Ordinal);

        var error = Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseCsv(csv, Day));

        Assert.Contains("Alipay bill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseCsv_RowAfterEndMarker_Throws()
    {
        var csv = AlipayBillFixture.Detail + "2026112422009\t,X\t,交易\t,x,2026-11-24 10:00:00,2026-11-24 10:00:01,\t,\t,\t,\t,\t,1.00,1.00\r\n";

        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseCsv(csv, Day));
    }

    [Fact]
    public void SplitFields_QuotedCommaAndTabPadding_AreUnwrapped()
    {
        Assert.Equal(["A1", "宫保鸡丁, 米饭", "say \"hi\"", ""], AlipayBillParser.SplitFields("A1\t,\"宫保鸡丁, 米饭\",\"say \"\"hi\"\"\",\t"));
    }

    [Fact]
    public async Task RenderBill_Sandbox_FollowsTheDocumentedLayout()
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("L1", 3650), CancellationToken.None);
        await h.Channel.RefundAsync(new RefundChannelRequest("L1", "L1-R1", Money.Fen(1200), Money.Fen(3650), null), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(h.Sandbox.RenderBill(Day)));
        var names = zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        var detailEntry = zip.Entries.Single(e => e.Name.EndsWith("_业务明细.csv", StringComparison.Ordinal));
        using var reader = new StreamReader(detailEntry.Open(), AlipayBillParser.Encoding);
        var lines = reader.ReadToEnd().Split("\r\n");

        Assert.Equal([h.Sandbox.SellerId + "0156_20261124_业务明细(汇总).csv", h.Sandbox.SellerId + "0156_20261124_业务明细.csv"], names);
        Assert.Equal("#支付宝业务明细查询", lines[0]);
        Assert.Equal("#账号：[" + h.Sandbox.SellerId + "0156]", lines[1]);
        Assert.Equal("#起始日期：[2026年11月24日 00:00:00]   终止日期：[2026年11月25日 00:00:00]", lines[2]);
        Assert.Contains("业务明细列表", lines[3], StringComparison.Ordinal);
        Assert.Equal(AlipayBillFixture.Header, lines[4]);
        Assert.Equal(25, AlipayBillParser.SplitFields(lines[5]).Length);
        Assert.Contains("业务明细列表结束", lines[7], StringComparison.Ordinal);
        Assert.Equal("#交易合计：1笔，商家实收共36.50元，商家优惠共0.00元", lines[8]);
        Assert.Equal("#退款合计：1笔，商家实收退款共-12.00元，商家优惠退款共0.00元", lines[9]);
        Assert.StartsWith("#导出时间：[2026年11月25日 ", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void ParseZip_NotAZip_Throws()
    {
        Assert.Throws<ChannelBillException>(() => AlipayBillParser.ParseZip(Encoding.UTF8.GetBytes("<html>expired</html>"), new DateOnly(2026, 11, 24)));
    }
}
