using System.Globalization;

namespace Ordering.Sdk;

/// <summary>
/// An exact amount of money: a whole number of minor units (fen for CNY) in one currency.
/// </summary>
/// <remarks>
/// Arithmetic is checked: a result that does not fit in <see cref="long"/> throws
/// <see cref="OverflowException"/> instead of wrapping. Amounts of different currencies never mix.
/// There is no floating point anywhere; <see cref="decimal"/> appears only at the edges
/// (<see cref="FromMajorUnits(decimal, Currency)"/>, <see cref="ToMajorUnits"/>).
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>Initializes an amount of <paramref name="minorUnits"/> in <paramref name="currency"/>.</summary>
    /// <param name="minorUnits">The amount in minor units (fen for CNY); may be negative.</param>
    /// <param name="currency">The currency.</param>
    public Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>Gets the amount in minor units (fen for CNY).</summary>
    public long MinorUnits { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>Creates an amount in Chinese fen (1 元 = 100 分).</summary>
    /// <param name="fen">The amount in fen.</param>
    /// <returns>The amount in CNY.</returns>
    public static Money Fen(long fen) => new(fen, Currency.Cny);

    /// <summary>Creates a zero amount in <paramref name="currency"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Converts an amount in major units (yuan) to minor units exactly.</summary>
    /// <param name="amount">The amount in major units, for example <c>12.34m</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The exact amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> has more decimal places than the currency allows.</exception>
    /// <exception cref="OverflowException">The amount does not fit in minor units.</exception>
    public static Money FromMajorUnits(decimal amount, Currency currency)
    {
        var scaled = amount * currency.MinorUnitsPerMajor;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{amount} has more than {currency.MinorDigits} decimal places, which {currency.Code} cannot represent."),
                nameof(amount));
        }

        return new Money(decimal.ToInt64(scaled), currency);
    }

    /// <summary>Converts the amount to major units (yuan), exactly.</summary>
    /// <returns>The amount in major units.</returns>
    public decimal ToMajorUnits() => (decimal)MinorUnits / Currency.MinorUnitsPerMajor;

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit.</exception>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit.</exception>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units.</exception>
    public static Money operator -(Money value) => new(checked(-value.MinorUnits), value.Currency);

    /// <summary>Multiplies an amount by a whole quantity.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product does not fit.</exception>
    public static Money operator *(Money value, long quantity) => new(checked(value.MinorUnits * quantity), value.Currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit.</exception>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit.</exception>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units.</exception>
    public static Money Negate(Money value) => -value;

    /// <summary>Multiplies an amount by a whole quantity.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product does not fit.</exception>
    public static Money Multiply(Money value, long quantity) => value * quantity;

    /// <inheritdoc/>
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MinorUnits, Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive as this amount is smaller, equal or larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>Formats the amount invariantly as code and major units, for example <c>CNY 12.34</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency.Code} {ToMajorUnits().ToString("F" + Currency.MinorDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");

    /// <summary>Compares two amounts for equality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when amount and currency are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when amount or currency differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Tests whether <paramref name="left"/> is smaller.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Tests whether <paramref name="left"/> is larger.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Tests whether <paramref name="left"/> is smaller or equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Tests whether <paramref name="left"/> is larger or equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            ThrowHelper.ThrowCurrencyMismatch(left.Currency, right.Currency);
        }
    }
}
