using System.IO.Compression;
using System.Text;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

// A trade bill in the documented layout of alipay.data.dataservice.bill.downloadurl.query (bill_type=trade):
// four comment lines, the 25-column header, tab-padded rows (refunds negative), the end marker, the
// 交易合计/退款合计 totals and the export time; zipped with its 汇总 summary, GBK-encoded.
internal static class AlipayBillFixture
{
    public const string Header =
        "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    public static readonly string Detail =
        "#支付宝业务明细查询\r\n" +
        "#账号：[20880211096256330156]\r\n" +
        "#起始日期：[2026年11月24日 00:00:00]   终止日期：[2026年11月25日 00:00:00]\r\n" +
        "#-----------------------------------------业务明细列表----------------------------------------\r\n" +
        Header + "\r\n" +
        "2026112422001458860515315453\t,T20261124-0001\t,交易\t,午市套餐A,2026-11-24 11:52:16,2026-11-24 11:52:23,S001\t,人民路店\t,cashier01\t,POS-2\t,*三(138****0000)\t,36.50,36.50,0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,\t,0.22,0.00,\r\n" +
        "2026112422001458860513822558\t,T20261124-0002\t,交易\t,包间消费,2026-11-24 12:07:03,2026-11-24 12:07:09,S001\t,人民路店\t,cashier01\t,POS-2\t,*四(186****1111)\t,128.00,128.00,0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,\t,0.77,0.00,\r\n" +
        "2026112422001458860515315453\t,T20261124-0001\t,退款\t,午市套餐A,2026-11-24 11:52:16,2026-11-24 12:31:05,S001\t,人民路店\t,cashier01\t,POS-2\t,*三(138****0000)\t,-12.00,-12.00,0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,T20261124-0001-R1\t,-0.07,0.00,退菜\r\n" +
        "2026112422001465870515233238\t,T20261124-0003\t,交易\t,茶位费,2026-11-24 18:43:06,2026-11-24 18:43:34,S001\t,人民路店\t,\t,\t,*五(182****2222)\t,0.01,0.01,0.00,0.00,0.00,0.00,0.00,,0.00\t,0.00,\t,0.00,0.00,\r\n" +
        "#-----------------------------------------业务明细列表结束------------------------------------\r\n" +
        "#交易合计：3笔，商家实收共164.51元，商家优惠共0.00元\r\n" +
        "#退款合计：1笔，商家实收退款共-12.00元，商家优惠退款共0.00元\r\n" +
        "#导出时间：[2026年11月25日 06:27:10]\r\n";

    public const string Summary =
        "#支付宝业务汇总查询\r\n" +
        "#账号：[20880211096256330156]\r\n" +
        "#起始日期：[2026年11月24日 00:00:00]   终止日期：[2026年11月25日 00:00:00]\r\n" +
        "#-----------------------------------------业务汇总列表----------------------------------------\r\n" +
        "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）\r\n" +
        "S001\t,人民路店\t,3,1,152.51,152.51,0.00,0.00,0.00,0.92,0.00,151.59\r\n" +
        "合计,,3,1,152.51,152.51,0.00,0.00,0.00,0.92,0.00,151.59\r\n" +
        "#----------------------------------------业务汇总列表结束-------------------------------------\r\n" +
        "#导出时间：[2026年11月25日 06:27:10]\r\n";

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The summary comes first so a parser that takes "the first CSV" would read the wrong file.
            Add(zip, "20880211096256330156_20261124_业务明细(汇总).csv", Summary);
            Add(zip, "20880211096256330156_20261124_业务明细.csv", Detail);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(AlipayBillParser.Encoding.GetBytes(text));
    }
}
