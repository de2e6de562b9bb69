using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Tests.Kitchen;

public sealed class KitchenTicketTests
{
    [Fact]
    public void AsReprint_KeepsEverythingAndMarksReprint()
    {
        var ticket = SampleData.Ticket();
        var reprint = ticket.AsReprint();
        Assert.True(reprint.IsReprint);
        Assert.False(ticket.IsReprint);
        Assert.Equal((ticket.OrderId, ticket.StationId, ticket.Revision, ticket.Round, ticket.Table, ticket.GuestCount, ticket.Note), (reprint.OrderId, reprint.StationId, reprint.Revision, reprint.Round, reprint.Table, reprint.GuestCount, reprint.Note));
        Assert.Same(ticket.Items[0], reprint.Items[0]);
    }

    [Fact]
    public void Constructor_BadInput_SaysWhichField()
    {
        var items = new[] { new KitchenTicketItem("面", 1) };
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => new KitchenTicket("o", "1", "hot", 1, KitchenTicketKind.NewOrder, [], SampleData.Noon)).ParamName);
        Assert.Equal("revision", Assert.Throws<ArgumentOutOfRangeException>(() => new KitchenTicket("o", "1", "hot", 0, KitchenTicketKind.NewOrder, items, SampleData.Noon)).ParamName);
        Assert.Equal("stationId", Assert.Throws<ArgumentException>(() => new KitchenTicket("o", "1", " ", 1, KitchenTicketKind.NewOrder, items, SampleData.Noon)).ParamName);
        Assert.Equal("Round", Assert.Throws<ArgumentOutOfRangeException>(() => new KitchenTicket("o", "1", "hot", 1, KitchenTicketKind.NewOrder, items, SampleData.Noon) { Round = 0 }).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => new KitchenTicketItem("面", 0)).ParamName);
    }

    [Fact]
    public void Items_AreCopied_SoTheCallerCannotChangeTheTicket()
    {
        var items = new List<KitchenTicketItem> { new("面", 1) };
        var ticket = new KitchenTicket("o", "1", "hot", 1, KitchenTicketKind.AddOn, items, SampleData.Noon);
        items.Add(new("饭", 1));
        Assert.Single(ticket.Items);
    }
}
