namespace Ordering.Sdk.Pricing;

// Largest-remainder (Hamilton) apportioning in whole minor units: each share is the floor of
// amount × weight ÷ Σweight, and the units left over go one each to the largest remainders (ties: larger
// weight, then earlier line). The shares always sum to the amount exactly, and a share never exceeds its
// weight when the amount does not exceed the total weight. Allocation-free: callers pass the buffers.
internal static class Apportioner
{
    // Beyond this many kept lines a full sort of the packed keys beats the insertion list.
    private const int InsertionLimit = 32;

    // weights[i] ≥ 0. When every weight is zero the amount is spread evenly (weight 1 each).
    public static void Apportion(long amount, long[] weights, long[] shares, long[] remainders, int[] order, long[] keys, int count)
    {
        if (count == 0)
        {
            return;
        }

        var negative = amount < 0;
        var magnitude = negative ? checked(-amount) : amount;
        long total = 0;
        long signs = 0;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            total = checked(total + weights[i]);
            signs |= weights[i];
        }

        var even = total == 0;
        if (!even && signs >= 0 && magnitude <= int.MaxValue && total <= int.MaxValue)
        {
            // The common case (every real bill): a tight loop without the rare cases' branches. A negative weight
            // (outside the contract) keeps the general path's old behaviour.
            var leftOver = SplitSmall(magnitude, total, weights.AsSpan(0, count), shares.AsSpan(0, count), remainders.AsSpan(0, count));
            if (leftOver > 0)
            {
                GiveLeftoverSmall((int)leftOver, weights, shares, remainders, order, keys, count);
            }

            if (negative)
            {
                Negate(shares, count);
            }

            return;
        }

        if (even)
        {
            total = count;
        }

        var small = magnitude <= int.MaxValue && total <= int.MaxValue;
        long assigned = 0;
        var candidates = 0;
        for (var i = 0; i < count; i++)
        {
            var weight = even ? 1 : weights[i];
            long share;
            if (small)
            {
                // Both factors below 2^31: the product fits a long, and long division is far cheaper than Int128's.
                var product = magnitude * weight;
                share = product / total;
                remainders[i] = product - (share * total);
            }
            else
            {
                var product = (Int128)magnitude * weight;
                share = (long)(product / total);
                remainders[i] = (long)(product - ((Int128)share * total));
            }

            shares[i] = share;
            assigned += share;
            if (remainders[i] > 0)
            {
                order[candidates++] = i;
            }
        }

        var left = magnitude - assigned;
        var byRemainder = new ByRemainder(remainders, weights, even);
        if (left <= 2)
        {
            // Usually zero to two units are left over: picking the best candidate each time beats sorting.
            for (var k = 0; k < left; k++)
            {
                var best = -1;
                for (var c = 0; c < candidates; c++)
                {
                    var i = order[c];
                    if (i >= 0 && (best < 0 || byRemainder.Compare(i, order[best]) < 0))
                    {
                        best = c;
                    }
                }

                shares[order[best]]++;
                order[best] = -1;
            }
        }
        else if (small)
        {
            GiveLeftoverByPackedKeys(left, weights, shares, remainders, order, keys, candidates, even);
        }
        else
        {
            IndexSort.Sort(order.AsSpan(0, candidates), byRemainder);
            for (var k = 0; k < left; k++)
            {
                shares[order[k]]++;
            }
        }

        if (negative)
        {
            Negate(shares, count);
        }
    }

    private static void Negate(long[] shares, int count)
    {
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            shares[i] = -shares[i];
        }
    }

    // Floors of magnitude × weight ÷ total with their remainders; returns the units left over. Both factors are
    // below 2^31 and not negative, so the product p fits a long. Dividing by the same total on every line is done
    // as a multiplication by r = ⌊(2^64 − 1) ÷ total⌋: ⌊p × r ÷ 2^64⌋ falls short of ⌊p ÷ total⌋ by less than
    // p ÷ 2^63 < 1/2, so it is the quotient or one less, and one comparison of the remainder corrects it.
    private static long SplitSmall(long magnitude, long total, ReadOnlySpan<long> weights, Span<long> shares, Span<long> remainders)
    {
        var reciprocal = ulong.MaxValue / (ulong)total;
        long assigned = 0;
        for (var i = 0; i < weights.Length; i = unchecked(i + 1))
        {
            var product = magnitude * weights[i];
            var share = (long)Math.BigMul((ulong)product, reciprocal, out _);
            var remainder = product - (share * total);
            if (remainder >= total)
            {
                share++;
                remainder -= total;
            }

            shares[i] = share;
            remainders[i] = remainder;
            assigned += share;
        }

        return magnitude - assigned;
    }

    // Gives one unit each to the `left` lines with the largest (remainder, weight), earlier line first among
    // equals, without sorting every line: the lines arrive in line order, so a bounded insertion list keeps the
    // winners (or, when most lines win, the losers) and a later line never displaces an equal one. Lines with a
    // zero remainder never win: fewer units are left over than there are positive remainders.
    private static void GiveLeftoverSmall(int left, long[] weights, long[] shares, long[] remainders, int[] order, long[] keys, int count)
    {
        var losers = count - left;
        if (Math.Min(left, losers) > InsertionLimit)
        {
            var candidates = 0;
            for (var i = 0; i < count; i = unchecked(i + 1))
            {
                if (remainders[i] > 0)
                {
                    order[candidates] = i;
                    candidates = unchecked(candidates + 1);
                }
            }

            GiveLeftoverByPackedKeys(left, weights, shares, remainders, order, keys, candidates, even: false);
            return;
        }

        if (left <= losers)
        {
            var kept = KeepStrongest(left, weights, remainders, order, keys, count);
            for (var k = 0; k < kept; k = unchecked(k + 1))
            {
                shares[order[k]]++;
            }

            return;
        }

        var weakest = KeepWeakest(losers, weights, remainders, order, keys, count);
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            shares[i]++;
        }

        for (var k = 0; k < weakest; k = unchecked(k + 1))
        {
            shares[order[k]]--;
        }
    }

    // order[0..n) := the n strongest lines, strongest first; keys[] holds their packed (remainder, weight). The
    // first n lines fill the list; after that a line only enters by beating the weakest kept line, which is an
    // earlier line, so an equal key stays out.
    private static int KeepStrongest(int n, long[] weights, long[] remainders, int[] order, long[] keys, int count)
    {
        var fill = Math.Min(n, count);
        for (var i = 0; i < fill; i = unchecked(i + 1))
        {
            Insert(i, (remainders[i] << 31) | weights[i], i, order, keys);
        }

        if (fill < n)
        {
            return fill;
        }

        var last = n - 1;
        var weakest = keys[last];
        for (var i = fill; i < count; i = unchecked(i + 1))
        {
            var key = (remainders[i] << 31) | weights[i];
            if (key > weakest)
            {
                Insert(last, key, i, order, keys);
                weakest = keys[last];
            }
        }

        return n;
    }

    // Puts (key, line) into keys/order[0..at], shifting weaker entries (smaller keys) one place towards the end;
    // entries with an equal key are earlier lines and stay in front.
    private static void Insert(int at, long key, int line, int[] order, long[] keys)
    {
        var j = at;
        while (j > 0 && keys[j - 1] < key)
        {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
            j = unchecked(j - 1);
        }

        keys[j] = key;
        order[j] = line;
    }

    // order[0..n) := the n weakest lines, weakest first (among equal keys the later line is the weaker). The
    // lines are visited last to first: the first n visited fill the list; after that a line only enters by being
    // weaker than the strongest kept line, which is a later line, so an equal key stays out and never has to move
    // past the ones already kept.
    private static int KeepWeakest(int n, long[] weights, long[] remainders, int[] order, long[] keys, int count)
    {
        if (n == 0)
        {
            return 0;
        }

        var kept = 0;
        var i = count - 1;
        for (; i >= 0 && kept < n; i = unchecked(i - 1))
        {
            InsertWeak(kept, (remainders[i] << 31) | weights[i], i, order, keys);
            kept = unchecked(kept + 1);
        }

        if (kept < n)
        {
            return kept;
        }

        var last = n - 1;
        var strongest = keys[last];
        for (; i >= 0; i = unchecked(i - 1))
        {
            var key = (remainders[i] << 31) | weights[i];
            if (key < strongest)
            {
                InsertWeak(last, key, i, order, keys);
                strongest = keys[last];
            }
        }

        return n;
    }

    // Puts (key, line) into keys/order[0..at], shifting stronger entries (larger keys) one place towards the end;
    // entries with an equal key are later lines, so weaker, and stay in front.
    private static void InsertWeak(int at, long key, int line, int[] order, long[] keys)
    {
        var j = at;
        while (j > 0 && keys[j - 1] > key)
        {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
            j = unchecked(j - 1);
        }

        keys[j] = key;
        order[j] = line;
    }

    // Remainder and weight both fit 31 bits here, so (remainder, weight) packs into one long and a primitive
    // sort orders them without a comparer. Only the run of equal keys that straddles the cut needs the
    // line-order tie-break; every other unit's recipient does not depend on the order inside its run.
    private static void GiveLeftoverByPackedKeys(long left, long[] weights, long[] shares, long[] remainders, int[] order, long[] keys, int candidates, bool even)
    {
        for (var c = 0; c < candidates; c++)
        {
            var i = order[c];
            keys[c] = (remainders[i] << 31) | (even ? 0 : weights[i]);
        }

        var keySpan = keys.AsSpan(0, candidates);
        var orderSpan = order.AsSpan(0, candidates);
        keySpan.Sort(orderSpan);
        var cut = candidates - (int)left; // positions [cut, candidates) receive a unit
        var runStart = cut;
        while (runStart > 0 && keys[runStart - 1] == keys[cut])
        {
            runStart--;
        }

        var runEnd = cut;
        while (runEnd < candidates && keys[runEnd] == keys[cut])
        {
            runEnd++;
        }

        for (var k = runEnd; k < candidates; k++)
        {
            shares[order[k]]++;
        }

        // The straddling run [runStart, runEnd) gets runEnd − cut units, earliest lines first.
        IndexSort.Sort(orderSpan[runStart..runEnd], default(Ascending));
        for (var k = runStart; k < runStart + (runEnd - cut); k++)
        {
            shares[order[k]]++;
        }
    }

    private readonly struct Ascending : IComparer<int>
    {
        public int Compare(int x, int y) => x.CompareTo(y);
    }

    private readonly struct ByRemainder(long[] remainders, long[] weights, bool even) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byRemainder = remainders[y].CompareTo(remainders[x]);
            if (byRemainder != 0)
            {
                return byRemainder;
            }

            var byWeight = even ? 0 : weights[y].CompareTo(weights[x]);
            return byWeight != 0 ? byWeight : x.CompareTo(y);
        }
    }
}
