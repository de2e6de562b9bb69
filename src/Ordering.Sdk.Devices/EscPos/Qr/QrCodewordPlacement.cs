namespace Ordering.Sdk.Devices.EscPos.Qr;

// Places codeword bits into the non-function modules: two-module-wide columns from the right edge, alternately
// upwards and downwards, skipping the vertical timing column; leftover remainder bits stay light.
internal static class QrCodewordPlacement
{
    public static void Place(QrSymbol symbol, ReadOnlySpan<byte> codewords)
    {
        var size = symbol.Size;
        var totalBits = codewords.Length * 8;
        var bit = 0;
        for (var right = size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }

            var upwards = ((right + 1) & 2) == 0;
            for (var step = 0; step < size; step++)
            {
                var y = upwards ? size - 1 - step : step;
                for (var x = right; x >= right - 1; x--)
                {
                    if (symbol.IsFunction(x, y))
                    {
                        continue;
                    }

                    var dark = bit < totalBits && ((codewords[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;
                    symbol.SetData(x, y, dark);
                    bit++;
                }
            }
        }
    }
}
