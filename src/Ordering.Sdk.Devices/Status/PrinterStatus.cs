namespace Ordering.Sdk.Devices.Status;

/// <summary>A decoded printer status.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public readonly struct PrinterStatus : IEquatable<PrinterStatus>
{
    /// <summary>Initializes a status.</summary>
    /// <param name="conditions">The reported conditions.</param>
    public PrinterStatus(PrinterConditions conditions) => Conditions = conditions;

    /// <summary>Gets the reported conditions.</summary>
    public PrinterConditions Conditions { get; }

    /// <summary>Gets a value indicating whether the printer can print now (online, paper, cover closed, no error).</summary>
    public bool IsReady => (Conditions & (PrinterConditions.Offline | PrinterConditions.CoverOpen | PrinterConditions.PaperEnd | PrinterConditions.Error)) == 0;

    /// <summary>Decodes the replies to DLE EOT 1, 2, 3 and 4 (each must match the 0xx1xx10 pattern).</summary>
    /// <param name="printer">Reply to DLE EOT 1 (printer status).</param>
    /// <param name="offlineCause">Reply to DLE EOT 2 (offline cause).</param>
    /// <param name="errorCause">Reply to DLE EOT 3 (error cause).</param>
    /// <param name="paper">Reply to DLE EOT 4 (roll paper sensor).</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException">A byte is not a DLE EOT reply.</exception>
    public static PrinterStatus FromRealTimeReplies(byte printer, byte offlineCause, byte errorCause, byte paper)
    {
        ThrowIfNotRealTimeReply(printer, nameof(printer));
        ThrowIfNotRealTimeReply(offlineCause, nameof(offlineCause));
        ThrowIfNotRealTimeReply(errorCause, nameof(errorCause));
        ThrowIfNotRealTimeReply(paper, nameof(paper));
        var c = PrinterConditions.None;
        c |= (printer & 0x08) != 0 ? PrinterConditions.Offline : 0;
        c |= (printer & 0x04) != 0 ? PrinterConditions.DrawerSignal : 0;
        c |= (offlineCause & 0x04) != 0 ? PrinterConditions.CoverOpen : 0;
        c |= (offlineCause & 0x20) != 0 ? PrinterConditions.PaperEnd : 0;
        c |= (offlineCause & 0x40) != 0 || (errorCause & 0x68) != 0 ? PrinterConditions.Error : 0;
        c |= (paper & 0x0C) != 0 ? PrinterConditions.PaperNearEnd : 0;
        c |= (paper & 0x60) != 0 ? PrinterConditions.PaperEnd : 0;
        return new PrinterStatus(c);
    }

    /// <summary>Decodes a 4-byte Automatic Status Back message.</summary>
    /// <param name="message">The four ASB bytes.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is not an ASB message.</exception>
    public static PrinterStatus FromAutomaticStatusBack(ReadOnlySpan<byte> message)
    {
        if (message.Length != 4 || !IsAsbFirstByte(message[0]))
        {
            throw new ArgumentException("An Automatic Status Back message is 4 bytes and starts with a byte matching xxx1xx00.", nameof(message));
        }

        var c = PrinterConditions.None;
        c |= (message[0] & 0x08) != 0 ? PrinterConditions.Offline : 0;
        c |= (message[0] & 0x04) != 0 ? PrinterConditions.DrawerSignal : 0;
        c |= (message[0] & 0x20) != 0 ? PrinterConditions.CoverOpen : 0;
        c |= (message[1] & 0x6C) != 0 ? PrinterConditions.Error : 0;
        c |= (message[2] & 0x03) != 0 ? PrinterConditions.PaperNearEnd : 0;
        c |= (message[2] & 0x0C) != 0 ? PrinterConditions.PaperEnd : 0;
        return new PrinterStatus(c);
    }

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when the conditions are equal.</returns>
    public static bool operator ==(PrinterStatus left, PrinterStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when the conditions differ.</returns>
    public static bool operator !=(PrinterStatus left, PrinterStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(PrinterStatus other) => Conditions == other.Conditions;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PrinterStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Conditions;

    /// <inheritdoc/>
    public override string ToString() => Conditions.ToString();

    internal static bool IsRealTimeReply(byte b) => (b & 0x93) == 0x12;

    internal static bool IsAsbFirstByte(byte b) => (b & 0x93) == 0x10;

    private static void ThrowIfNotRealTimeReply(byte b, string name)
    {
        if (!IsRealTimeReply(b))
        {
            throw new ArgumentException($"0x{b:X2} is not a DLE EOT reply (expected the pattern 0xx1xx10).", name);
        }
    }
}
