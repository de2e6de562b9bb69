using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Layouts;

/// <summary>
/// Prints a <see cref="KitchenTicket"/> for the cooks: large marks (加菜, 退菜, 催菜, 重打), a
/// "备份 BACKUP FROM …" header when printed on a station's backup printer, table and round, then every
/// dish large with its 做法 and notes, a beep and a cut.
/// </summary>
/// <threadsafety>Stateless; safe to call from any thread with its own writer.</threadsafety>
public static class KitchenTicketLayout
{
    /// <summary>Writes <paramref name="ticket"/>, from ESC @ to the cut.</summary>
    /// <param name="writer">The writer, already pointed at the output.</param>
    /// <param name="ticket">The ticket.</param>
    /// <param name="stationName">The station's display name, for example <c>热菜</c>.</param>
    /// <param name="backupFrom">The name of the primary printer this ticket is printed in place of, or <see langword="null"/> on the primary.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(EscPosWriter writer, KitchenTicket ticket, string stationName, string? backupFrom = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(stationName);
        Span<char> scratch = stackalloc char[96];

        writer.Initialize().Align(TextAlignment.Center).Bold(true);
        if (backupFrom is not null)
        {
            writer.Line(new TextBuilder(scratch).Append("*** 备份 BACKUP FROM ").Append(backupFrom).Append(" ***").Text);
        }

        var mark = ticket.Kind switch
        {
            KitchenTicketKind.AddOn => "【加菜】",
            KitchenTicketKind.Void => "【退菜】",
            KitchenTicketKind.Urge => "【催菜】",
            _ => string.Empty,
        };
        if (mark.Length > 0 || ticket.IsReprint)
        {
            writer.Size(2, 2).Line(new TextBuilder(scratch).Append(mark).Append(ticket.IsReprint ? "【重打】" : string.Empty).Text);
        }

        writer.Size(2, 2).Line(ticket.Table is { } table
            ? new TextBuilder(scratch).Append("桌 ").Append(table).Text
            : new TextBuilder(scratch).Append("外带 #").Append(ticket.OrderNumber).Text);
        writer.Size(1, 1).Line(stationName).Bold(false).Align(TextAlignment.Left);
        writer.Row(new TextBuilder(scratch).Append("单号: ").Append(ticket.OrderNumber).Text, new TextBuilder(scratch[48..]).Append("第").Append(ticket.Round).Append("轮").Text);
        writer.Row(
            ticket.GuestCount is { } guests ? new TextBuilder(scratch).Append("人数: ").Append(guests).Text : default,
            new TextBuilder(scratch[48..]).AppendTime(ticket.CreatedAt, withYear: false).Text);
        writer.Separator('=');

        var dish = new ColumnLayout(writer.Columns / 2 - 5, 4);
        for (var i = 0; i < ticket.Items.Count; i++)
        {
            var item = ticket.Items[i];
            writer.Bold(true).Size(2, 2);
            var quantity = new TextBuilder(scratch).Append(ticket.Kind == KitchenTicketKind.Void ? "-" : "x").Append(item.Quantity).Text;
            writer.Row(dish, item.Name, quantity, default);
            writer.Size(1, 2).Bold(false);
            for (var m = 0; m < item.Modifiers.Count; m++)
            {
                writer.Line(new TextBuilder(scratch).Append("  > ").Append(item.Modifiers[m]).Text);
            }

            if (item.Note is { } note)
            {
                writer.Line(new TextBuilder(scratch).Append("  备注: ").Append(note).Text);
            }

            if (item.Seat is { } seat)
            {
                writer.Line(new TextBuilder(scratch).Append("  座位: ").Append(seat).Text);
            }

            if (item.Course is { } course)
            {
                writer.Line(new TextBuilder(scratch).Append("  上菜: ").Append(course).Text);
            }
        }

        writer.Size(1, 1).Separator('=');
        if (ticket.Note is { } ticketNote)
        {
            writer.Bold(true).Line(new TextBuilder(scratch).Append("整单备注: ").Append(ticketNote).Text).Bold(false);
        }

        writer.Line(new TextBuilder(scratch).Append("Rev ").Append(ticket.Revision).Append(" / ").Append(ticket.OrderId).Text)
            .Feed(2).Beep().Cut();
    }
}
