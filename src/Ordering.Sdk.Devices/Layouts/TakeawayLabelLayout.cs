using Ordering.Sdk.Devices.Tspl;

namespace Ordering.Sdk.Devices.Layouts;

/// <summary>Prints a <see cref="TakeawayLabel"/> on a 40×30 mm (or larger) TSPL label at 203 dpi.</summary>
/// <threadsafety>Stateless; safe to call from any thread with its own writer.</threadsafety>
public static class TakeawayLabelLayout
{
    /// <summary>Writes one label, from SIZE to PRINT.</summary>
    /// <param name="writer">The TSPL writer.</param>
    /// <param name="label">The label.</param>
    /// <param name="widthMillimeters">Label width in mm.</param>
    /// <param name="heightMillimeters">Label height in mm.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The label size is out of range.</exception>
    public static void Write(TsplWriter writer, TakeawayLabel label, int widthMillimeters = 40, int heightMillimeters = 30)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(label);
        Span<char> scratch = stackalloc char[64];
        writer.Size(widthMillimeters, heightMillimeters).Gap(2).Clear()
            .Text(16, 8, TsplWriter.SimplifiedChinese24, new TextBuilder(scratch).Append("#").Append(label.OrderNumber).Append("  ").Append(label.Index).Append("/").Append(label.Count).Text)
            .Text(16, 44, TsplWriter.SimplifiedChinese24, label.ItemName);
        if (label.Modifiers.Count > 0)
        {
            writer.Text(16, 80, TsplWriter.SimplifiedChinese16, string.Join(' ', label.Modifiers));
        }

        writer.Text(16, 176, TsplWriter.SimplifiedChinese16, new TextBuilder(scratch).Append(label.StoreName ?? string.Empty).Append(" ").AppendTime(label.CreatedAt, withYear: false).Text);
        writer.Print();
    }
}
