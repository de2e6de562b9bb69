using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Ordering.Sdk;

// Throwing from a separate, never-inlined method keeps hot callers small and inlinable.
internal static class ThrowHelper
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowCurrencyMismatch(Currency left, Currency right) => throw new CurrencyMismatchException(left, right);
}
