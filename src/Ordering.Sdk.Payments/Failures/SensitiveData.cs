namespace Ordering.Sdk.Payments;

// Payment codes are bearer credentials for a few minutes: they must never reach logs, messages or the journal.
internal static class SensitiveData
{
    private const int MinimumDigitRunToMask = 10;

    // Keeps the last four digits of every run of 10+ digits so staff can still tell codes apart.
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        char[]? buffer = null;
        var runStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isDigit = i < text.Length && char.IsAsciiDigit(text[i]);
            if (isDigit)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }

                continue;
            }

            if (runStart >= 0 && i - runStart >= MinimumDigitRunToMask)
            {
                buffer ??= text.ToCharArray();
                for (var j = runStart; j < i - 4; j++)
                {
                    buffer[j] = '*';
                }
            }

            runStart = -1;
        }

        return buffer is null ? text : new string(buffer);
    }
}
