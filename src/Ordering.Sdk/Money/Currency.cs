using System.Diagnostics.CodeAnalysis;

namespace Ordering.Sdk;

/// <summary>
/// An ISO 4217 currency and the number of minor-unit digits its amounts carry.
/// </summary>
/// <remarks>
/// The default value is the Chinese yuan (<c>CNY</c>, two minor digits: 1 元 = 100 分), so
/// <c>default(Money)</c> is zero yuan.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public readonly struct Currency : IEquatable<Currency>
{
    private readonly string? _code;
    private readonly byte _minorDigits;

    private Currency(string code, byte minorDigits)
    {
        _code = code;
        _minorDigits = minorDigits;
    }

    /// <summary>Gets the Chinese yuan (renminbi), <c>CNY</c>, with two minor digits (fen).</summary>
    public static Currency Cny => default;

    /// <summary>Gets the Hong Kong dollar, <c>HKD</c>, with two minor digits.</summary>
    public static Currency Hkd { get; } = new("HKD", 2);

    /// <summary>Gets the Macanese pataca, <c>MOP</c>, with two minor digits.</summary>
    public static Currency Mop { get; } = new("MOP", 2);

    /// <summary>Gets the US dollar, <c>USD</c>, with two minor digits.</summary>
    public static Currency Usd { get; } = new("USD", 2);

    /// <summary>Gets the Japanese yen, <c>JPY</c>, with no minor digits.</summary>
    public static Currency Jpy { get; } = new("JPY", 0);

    /// <summary>Gets the three-letter ISO 4217 code, for example <c>CNY</c>.</summary>
    public string Code => _code ?? "CNY";

    /// <summary>Gets how many decimal digits separate a major unit from a minor unit (2 for CNY).</summary>
    public int MinorDigits => _code is null ? 2 : _minorDigits;

    /// <summary>Gets how many minor units make one major unit (100 for CNY).</summary>
    public long MinorUnitsPerMajor => MinorDigits switch
    {
        0 => 1,
        1 => 10,
        2 => 100,
        _ => 1000,
    };

    /// <summary>Creates a currency from its ISO 4217 code and minor-unit digits.</summary>
    /// <param name="code">Three upper-case ASCII letters, for example <c>"CNY"</c>.</param>
    /// <param name="minorDigits">Minor-unit digits, 0 to 3.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three upper-case ASCII letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorDigits"/> is not between 0 and 3.</exception>
    public static Currency Create(string code, int minorDigits)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!IsIsoCode(code))
        {
            throw new ArgumentException($"Currency code '{code}' must be three upper-case ASCII letters (ISO 4217), for example CNY.", nameof(code));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minorDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorDigits, 3);
        return code == "CNY" && minorDigits == 2 ? default : new Currency(code, (byte)minorDigits);
    }

    /// <summary>Finds a well-known currency by its ISO 4217 code.</summary>
    /// <param name="code">The code, for example <c>"CNY"</c>.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns><see langword="true"/> when the code is one of the currencies this SDK knows.</returns>
    public static bool TryFromCode(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = code switch
        {
            "CNY" => Cny,
            "HKD" => Hkd,
            "MOP" => Mop,
            "USD" => Usd,
            "JPY" => Jpy,
            _ => null,
        };
        return currency is not null;
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal) && MinorDigits == other.MinorDigits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, MinorDigits);

    /// <summary>Returns the ISO code.</summary>
    /// <returns>The ISO code, for example <c>CNY</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code and digits.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    private static bool IsIsoCode(string code) =>
        code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);
}
