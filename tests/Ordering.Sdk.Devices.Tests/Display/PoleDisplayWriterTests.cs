using System.Buffers;
using Ordering.Sdk.Devices.Display;

namespace Ordering.Sdk.Devices.Tests.Display;

public sealed class PoleDisplayWriterTests
{
    [Fact]
    public void Show_LightsTheIndicatorAndWritesTheAmount()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new PoleDisplayWriter(buffer).Initialize().ShowTotal(Money.Fen(12345)).ShowChange(Money.Fen(5));
        Assert.Equal(
            Convert.FromHexString("1B400C" + "1B7332" + "1B5141" + "3132332E3435" + "0D" + "1B7334" + "1B5141" + "302E3035" + "0D"),
            buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Show_MoreThanEightDigits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoleDisplayWriter(new ArrayBufferWriter<byte>()).ShowPrice(Money.Fen(1_000_000_000)));
}
