namespace Ordering.Sdk.Testing.Printing;

/// <summary>Faults the virtual printer can be put in; they combine.</summary>
[Flags]
public enum VirtualPrinterConditions
{
    /// <summary>Ready to print.</summary>
    None = 0,

    /// <summary>The paper roll is empty: the printer goes offline and holds what it receives until paper is loaded.</summary>
    PaperOut = 1,

    /// <summary>The paper roll is nearly empty: reported in status, printing continues.</summary>
    PaperNearEnd = 2,

    /// <summary>The cover is open: the printer goes offline and holds what it receives.</summary>
    CoverOpen = 4,

    /// <summary>The printer is offline for another reason (error): it holds what it receives.</summary>
    Offline = 8,

    /// <summary>The printer accepts bytes but never answers and never prints (a hung printer).</summary>
    Silent = 16,
}
