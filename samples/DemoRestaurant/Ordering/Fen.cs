using System.Globalization;

namespace DemoRestaurant.Ordering;

/// <summary>Formats fen for people (¥12.30); the edge where money becomes text, never the other way.</summary>
internal static class Fen
{
    public static string Yuan(long fen) =>
        (fen < 0 ? "-¥" : "¥") + (Math.Abs(fen) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("00", CultureInfo.InvariantCulture);
}
