namespace Ordering.Sdk.Devices.EscPos.Qr;

// Scores a masked symbol by the four penalty rules of ISO/IEC 18004 (lower is better):
// N1 runs of five or more same-coloured modules in a row or column (3 + run − 5 each);
// N2 each 2x2 block of one colour (3);
// N3 each finder-like 1:1:3:1:1 pattern with four light modules on one side (40), modules beyond the edge counting as light;
// N4 the dark share's distance from 50 % in whole 5 % steps (10 per step).
internal static class QrPenalty
{
    private const int RunPenalty = 3;
    private const int BlockPenalty = 3;
    private const int FinderLikePenalty = 40;
    private const int BalancePenalty = 10;

    // Eleven modules, oldest in the highest bit: light×4 then dark-light-dark×3-light-dark, and its mirror image.
    private const int FinderLikeAfterLight = 0b000_0101_1101;
    private const int FinderLikeBeforeLight = 0b101_1101_0000;
    private const int WindowMask = 0b111_1111_1111;

    public static int Score(QrSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var size = symbol.Size;
        ReadOnlySpan<bool> modules = symbol.Modules;
        var score = 0;
        for (var line = 0; line < size; line++)
        {
            score += ScoreLine(modules, line * size, 1, size);
            score += ScoreLine(modules, line, size, size);
        }

        var darkCount = 0;
        for (var y = 0; y < size; y++)
        {
            var row = modules.Slice(y * size, size);
            for (var x = 0; x < size; x++)
            {
                if (row[x])
                {
                    darkCount++;
                }
            }

            if (y + 1 < size)
            {
                var next = modules.Slice((y + 1) * size, size);
                for (var x = 0; x + 1 < size; x++)
                {
                    var dark = row[x];
                    if (row[x + 1] == dark && next[x] == dark && next[x + 1] == dark)
                    {
                        score += BlockPenalty;
                    }
                }
            }
        }

        var total = size * size;
        var deviation = Math.Abs((darkCount * 20) - (total * 10)); // |dark% − 50%| × total / 5 %
        var steps = ((deviation + total - 1) / total) - 1;
        return score + (Math.Max(0, steps) * BalancePenalty);
    }

    // N1 and N3 along one row (stride 1) or column (stride = size), starting at modules[start].
    private static int ScoreLine(ReadOnlySpan<bool> modules, int start, int stride, int size)
    {
        var score = 0;
        var run = 0;
        var runDark = false;

        // The window starts as the four light quiet-zone modules before the line and is flushed with four after it.
        var window = 0;
        for (var i = 0; i < size + 4; i++)
        {
            var dark = i < size && modules[start + (i * stride)];
            if (i < size)
            {
                if (i > 0 && dark == runDark)
                {
                    run++;
                }
                else
                {
                    score += RunScore(run);
                    run = 1;
                    runDark = dark;
                }
            }

            window = ((window << 1) | (dark ? 1 : 0)) & WindowMask;
            if (window == FinderLikeAfterLight || window == FinderLikeBeforeLight)
            {
                score += FinderLikePenalty;
            }
        }

        return score + RunScore(run);
    }

    private static int RunScore(int run) => run >= 5 ? RunPenalty + (run - 5) : 0;
}
