namespace Ordering.Sdk.Devices.EscPos;

/// <summary>The CODE128 code set a barcode starts in (the <c>{A</c>, <c>{B</c> or <c>{C</c> selector of GS k 73).</summary>
public enum Code128Subset
{
    /// <summary>Code set A: upper-case letters, digits and punctuation (0x20–0x5F).</summary>
    A = 0,

    /// <summary>Code set B: printable ASCII (0x20–0x7E).</summary>
    B = 1,

    /// <summary>Code set C: an even number of digits, packed two per symbol.</summary>
    C = 2,
}
