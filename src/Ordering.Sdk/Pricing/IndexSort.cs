namespace Ordering.Sdk.Pricing;

// Sorts line indices with a struct comparer and no allocation. (MemoryExtensions.Sort boxes the comparer
// and wraps it in a delegate, which would allocate on every apportioning.) Insertion sort for the short
// runs typical of an order, heapsort beyond, so the worst case stays O(n log n).
internal static class IndexSort
{
    public static void Sort<TComparer>(Span<int> items, TComparer comparer)
        where TComparer : struct, IComparer<int>
    {
        if (items.Length <= 16)
        {
            for (var i = 1; i < items.Length; i++)
            {
                var item = items[i];
                var j = i - 1;
                while (j >= 0 && comparer.Compare(items[j], item) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }

                items[j + 1] = item;
            }

            return;
        }

        for (var start = (items.Length / 2) - 1; start >= 0; start--)
        {
            SiftDown(items, start, items.Length, comparer);
        }

        for (var end = items.Length - 1; end > 0; end--)
        {
            (items[0], items[end]) = (items[end], items[0]);
            SiftDown(items, 0, end, comparer);
        }
    }

    private static void SiftDown<TComparer>(Span<int> items, int root, int length, TComparer comparer)
        where TComparer : struct, IComparer<int>
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= length)
            {
                return;
            }

            if (child + 1 < length && comparer.Compare(items[child + 1], items[child]) > 0)
            {
                child++;
            }

            if (comparer.Compare(items[root], items[child]) >= 0)
            {
                return;
            }

            (items[root], items[child]) = (items[child], items[root]);
            root = child;
        }
    }
}
