using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Testing.Printing;

/// <summary>One line of text as a printer would put it on paper, with the style it was printed in.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PrintedLine
{
    internal PrintedLine(string text, bool bold, bool underline, int widthMultiplier, int heightMultiplier, TextAlignment alignment)
    {
        Text = text;
        Bold = bold;
        Underline = underline;
        WidthMultiplier = widthMultiplier;
        HeightMultiplier = heightMultiplier;
        Alignment = alignment;
    }

    /// <summary>Gets the decoded text (GB18030 in Chinese mode).</summary>
    public string Text { get; }

    /// <summary>Gets a value indicating whether the line was emphasized.</summary>
    public bool Bold { get; }

    /// <summary>Gets a value indicating whether the line was underlined.</summary>
    public bool Underline { get; }

    /// <summary>Gets the character width multiplier (GS !).</summary>
    public int WidthMultiplier { get; }

    /// <summary>Gets the character height multiplier (GS !).</summary>
    public int HeightMultiplier { get; }

    /// <summary>Gets the justification.</summary>
    public TextAlignment Alignment { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
