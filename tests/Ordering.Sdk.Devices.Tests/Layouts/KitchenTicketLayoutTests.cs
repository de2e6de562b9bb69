using System.Buffers;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Layouts;

public sealed class KitchenTicketLayoutTests
{
    [Theory]
    [InlineData(KitchenTicketKind.AddOn, "【加菜】")]
    [InlineData(KitchenTicketKind.Void, "【退菜】")]
    [InlineData(KitchenTicketKind.Urge, "【催菜】")]
    public void Write_MarksTheTicketKindLarge(KitchenTicketKind kind, string mark)
    {
        var document = Print(SampleData.Ticket(kind: kind), null);
        var line = Assert.Single(document.Lines, l => l.Text.Contains(mark, StringComparison.Ordinal));
        Assert.Equal(2, line.WidthMultiplier);
    }

    [Fact]
    public void Write_Reprint_IsMarkedChongDa() =>
        Assert.Contains(Print(SampleData.Ticket().AsReprint(), null).Lines, l => l.Text.Contains("【重打】", StringComparison.Ordinal));

    [Fact]
    public void Write_NewOrderOnPrimary_HasNoMarkAndNoBackupHeader()
    {
        var text = Print(SampleData.Ticket(), null).Text;
        Assert.DoesNotContain("【", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BACKUP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnBackup_StartsWithBackupFromHeader()
    {
        var document = Print(SampleData.Ticket(), "热菜1号");
        Assert.Equal("*** 备份 BACKUP FROM 热菜1号 ***", document.Lines[0].Text);
    }

    [Fact]
    public void Write_ListsTableItemsModifiersAndNotes()
    {
        var document = Print(SampleData.Ticket(), null);
        Assert.Contains(document.Lines, l => l.Text == "桌 A12" && l.WidthMultiplier == 2);
        Assert.Contains(document.Lines, l => l.Text.StartsWith("宫保鸡丁", StringComparison.Ordinal) && l.Text.EndsWith("x2", StringComparison.Ordinal) && l.WidthMultiplier == 2);
        Assert.Contains(document.Lines, l => l.Text == "  > 去花生");
        Assert.Contains(document.Lines, l => l.Text == "  备注: 快一点");
        Assert.Contains(document.Lines, l => l.Text.Contains("第2轮", StringComparison.Ordinal));
        Assert.Contains(document.Lines, l => l.Text == "整单备注: 一起上");
        Assert.Equal(1, document.Beeps);
        Assert.True(document.IsCut);
    }

    [Fact]
    public void Write_Takeaway_ShowsOrderNumberInsteadOfTable()
    {
        var ticket = new KitchenTicket("o-9", "0099", "hot", 1, KitchenTicketKind.NewOrder, [new KitchenTicketItem("炒饭", 1)], SampleData.Noon);
        Assert.Contains(Print(ticket, null).Lines, l => l.Text == "外带 #0099");
    }

    private static PrintedDocument Print(KitchenTicket ticket, string? backupFrom)
    {
        var buffer = new ArrayBufferWriter<byte>();
        KitchenTicketLayout.Write(new EscPosWriter(buffer, PrinterProfile.ChineseClone80), ticket, "热菜", backupFrom);
        return Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan));
    }
}
