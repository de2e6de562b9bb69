namespace Ordering.Sdk.Devices.EscPos;

/// <summary>How a printer family sounds its buzzer; vendors differ, so it is part of the <see cref="PrinterProfile"/>.</summary>
public enum BeeperDialect
{
    /// <summary>The printer has no buzzer; beeps are not sent.</summary>
    None = 0,

    /// <summary>ESC B n t, used by Xprinter, Gprinter and most Chinese kitchen printers.</summary>
    EscB = 1,

    /// <summary>ESC ( A function 48, used by recent Epson models.</summary>
    EpsonEscParenA = 2,
}
