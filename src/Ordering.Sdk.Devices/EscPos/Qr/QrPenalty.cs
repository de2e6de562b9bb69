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

    public static int Score(QrSymbol symbol)
    {
        var size = symbol.Size;
        var score = 0;
        var darkCount = 0;
        for (var line = 0; line < size; line++)
        {
            score += ScoreLine(symbol, line, horizontal: true);
            score += ScoreLine(symbol, line, horizontal: false);
        }

        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var dark = symbol.IsDark(x, y);
                if (dark)
                {
                    darkCount++;
                }

                if (x + 1 < size && y + 1 < size && dark == symbol.IsDark(x + 1, y) && dark == symbol.IsDark(x, y + 1) && dark == symbol.IsDark(x + 1, y + 1))
                {
                    score += BlockPenalty;
                }
            }
        }

        var total = size * size;
        var deviation = Math.Abs((darkCount * 20) - (total * 10)); // |dark% − 50%| × total / 5 %
        var steps = ((deviation + total - 1) / total) - 1;
        return score + (Math.Max(0, steps) * BalancePenalty);
    }

    // N1 and N3 along one row (horizontal) or column.
    private static int ScoreLine(QrSymbol symbol, int line, bool horizontal)
    {
        var size = symbol.Size;
        bool Dark(int i) => i >= 0 && i < size && (horizontal ? symbol.IsDark(i, line) : symbol.IsDark(line, i));

        var score = 0;
        var run = 0;
        var runDark = false;
        for (var i = 0; i < size; i++)
        {
            var dark = Dark(i);
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

        score += RunScore(run);

        // A dark-light-dark-dark-dark-light-dark core starting at i, with four light modules before it or after it.
        for (var i = 0; i + 7 <= size; i++)
        {
            if (Dark(i) && !Dark(i + 1) && Dark(i + 2) && Dark(i + 3) && Dark(i + 4) && !Dark(i + 5) && Dark(i + 6))
            {
                if (!Dark(i - 1) && !Dark(i - 2) && !Dark(i - 3) && !Dark(i - 4))
                {
                    score += FinderLikePenalty;
                }

                if (!Dark(i + 7) && !Dark(i + 8) && !Dark(i + 9) && !Dark(i + 10))
                {
                    score += FinderLikePenalty;
                }
            }
        }

        return score;
    }

    private static int RunScore(int run) => run >= 5 ? RunPenalty + (run - 5) : 0;
}
