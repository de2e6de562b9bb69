using System.Buffers;
using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Devices.Tests.EscPos;

internal static class EscPosTestHelper
{
    public static byte[] Write(Action<EscPosWriter> write, PrinterProfile? profile = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new EscPosWriter(buffer, profile ?? PrinterProfile.ChineseClone80));
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
