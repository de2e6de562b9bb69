using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;

namespace Ordering.Sdk.Devices.Tests.EscPos.Qr;

// Every symbol the encoder makes must read back, byte for byte, in ZXing.Net (an independent decoder).
public sealed class QrRoundTripTests
{
    private static readonly QrErrorCorrection[] Levels =
        [QrErrorCorrection.Low, QrErrorCorrection.Medium, QrErrorCorrection.Quartile, QrErrorCorrection.High];

    [Property(MaxTest = 300)]
    public void Encode_AnyUtf8TextUpToVersion10_DecodesBackInZxing(byte[] seeds, byte levelIndex)
    {
        var level = Levels[levelIndex % 4];
        var payload = Utf8Payload(seeds ?? [], QrCapacity.MaxPayloadBytes(10, level));

        var symbol = new QrSymbol();
        QrEncoder.Encode(payload, level, symbol);

        Assert.InRange(symbol.Version, 1, 10);
        Assert.Equal(QrCapacity.SmallestVersion(payload.Length, level), symbol.Version);
        var (decoded, decodedLevel) = QrTestDecoder.DecodeSymbol(symbol);
        Assert.Equal(payload, decoded);
        Assert.Equal(level, decodedLevel);
    }

    [Property(MaxTest = 100)]
    public void Encode_AnyBytes_DecodesBackInZxing(NonEmptyArray<byte> bytes, byte levelIndex)
    {
        var level = Levels[levelIndex % 4];
        var payload = bytes.Get.Length > 300 ? bytes.Get[..300] : bytes.Get;

        var symbol = new QrSymbol();
        QrEncoder.Encode(payload, level, symbol);

        Assert.Equal(payload, QrTestDecoder.DecodeSymbol(symbol).Payload);
    }

    [Fact]
    public void Encode_FullestPayloadOfEveryVersionAndLevel_DecodesBackInZxing()
    {
        var symbol = new QrSymbol();
        for (var version = 1; version <= QrCapacity.MaxVersion; version++)
        {
            foreach (var level in Levels)
            {
                var payload = new byte[QrCapacity.MaxPayloadBytes(version, level)];
                for (var i = 0; i < payload.Length; i++)
                {
                    payload[i] = (byte)((i * 131) + version);
                }

                QrEncoder.Encode(payload, level, symbol);

                Assert.Equal(version, symbol.Version);
                var (decoded, decodedLevel) = QrTestDecoder.DecodeSymbol(symbol);
                Assert.True(payload.AsSpan().SequenceEqual(decoded), $"version {version}-{level} did not round-trip");
                Assert.Equal(level, decodedLevel);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Encode_EveryForcedMask_DecodesBackInZxing(int mask)
    {
        var payload = "扫码点餐 https://pay.example.cn/o/A0012"u8.ToArray();
        var symbol = new QrSymbol();
        QrEncoder.Encode(payload, QrErrorCorrection.Quartile, symbol, mask);

        Assert.Equal(mask, symbol.Mask);
        Assert.Equal(payload, QrTestDecoder.DecodeSymbol(symbol).Payload);
    }

    [Fact]
    public void Encode_ChoosesTheMaskWithTheLowestPenalty()
    {
        var payload = "https://pay.example.cn/e-invoice?o=A0012&s=88"u8.ToArray();
        var chosen = new QrSymbol();
        QrEncoder.Encode(payload, QrErrorCorrection.Medium, chosen);
        var chosenScore = QrPenalty.Score(chosen);

        var forced = new QrSymbol();
        for (var mask = 0; mask < 8; mask++)
        {
            QrEncoder.Encode(payload, QrErrorCorrection.Medium, forced, mask);
            Assert.True(chosenScore <= QrPenalty.Score(forced), $"mask {mask} scores lower than the chosen mask {chosen.Mask}");
        }
    }

    // ASCII and CJK characters (3 UTF-8 bytes each) mixed, trimmed to whole characters within the byte budget.
    private static byte[] Utf8Payload(byte[] seeds, int maxBytes)
    {
        var text = new StringBuilder("A");
        var bytes = 1;
        foreach (var seed in seeds)
        {
            var c = seed < 160 ? (char)(' ' + (seed % 95)) : (char)(0x4E00 + (seed * 83));
            var size = c < 0x80 ? 1 : 3;
            if (bytes + size > maxBytes)
            {
                break;
            }

            text.Append(c);
            bytes += size;
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
