namespace DemoRestaurant.LoadTest;

/// <summary>The one-line summary of a run, in the column order of the history table in benchmarks/results/demo.md.</summary>
internal static class ResultRow
{
    public const string Header = "| date (UTC) | run | orders/s | add to cart p50 / p99 | view bill p50 / p99 | pay p50 / p99 | payment attempt success | errors | no-op GET /api/ping |";

    public const string Separator = "|---|---|---|---|---|---|---|---|---|";

    public static string Format(params string[] cells) => "| " + string.Join(" | ", cells) + " |";
}
