using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Testing;

// RSA-2048 key pairs derived deterministically from (seed, purpose): two 1024-bit primes found by
// Miller–Rabin over candidates drawn from a Random seeded with both, so a sandbox started with the same
// seed has the same keys in every run (a failing test replays exactly). Cached per process: generating a
// key costs a few hundred milliseconds. Test keys only: System.Random is not a cryptographic source.
internal static class SeededRsaKeys
{
    public const int KeySizeBits = 2048;
    private const int PrimeBytes = KeySizeBits / 16;
    private const int MillerRabinRounds = 8;
    private const int SieveWindow = 4096;
    private static readonly BigInteger PublicExponent = 65537;
    private static readonly ConcurrentDictionary<(int Seed, string Purpose), Lazy<RSAParameters>> Cache = new();
    private static readonly int[] SmallPrimes = SieveSmallPrimes(1 << 16);

    // A new RSA object holding the key for (seed, purpose); the caller disposes it.
    public static RSA Create(int seed, string purpose)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Parameters(seed, purpose));
        return rsa;
    }

    public static RSAParameters Parameters(int seed, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        return Cache.GetOrAdd((seed, purpose), key => new Lazy<RSAParameters>(() => Generate(new Random(Mix(key.Seed, key.Purpose))))).Value;
    }

    internal static RSAParameters Generate(Random random)
    {
        while (true)
        {
            var p = Prime(random);
            var q = Prime(random);
            if (p == q)
            {
                continue;
            }

            var n = p * q;
            var phi = (p - 1) * (q - 1);
            var d = ModInverse(PublicExponent, phi);
            return new RSAParameters
            {
                Modulus = Unsigned(n, KeySizeBits / 8),
                Exponent = Unsigned(PublicExponent, 3),
                D = Unsigned(d, KeySizeBits / 8),
                P = Unsigned(p, PrimeBytes),
                Q = Unsigned(q, PrimeBytes),
                DP = Unsigned(d % (p - 1), PrimeBytes),
                DQ = Unsigned(d % (q - 1), PrimeBytes),
                InverseQ = Unsigned(ModInverse(q, p), PrimeBytes),
            };
        }
    }

    // A 1024-bit prime with its two top bits set (so p·q has exactly 2048 bits) and p−1 coprime to e.
    // Candidates are sieved in windows by the small primes' residues, so Miller–Rabin (the expensive part)
    // only sees the few that have no small factor.
    private static BigInteger Prime(Random random)
    {
        var bytes = new byte[PrimeBytes];
        random.NextBytes(bytes);
        bytes[0] |= 0xC0;
        bytes[^1] |= 0x01;
        var start = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var composite = new bool[SieveWindow];
        while (true)
        {
            Array.Clear(composite);
            for (var i = 1; i < SmallPrimes.Length; i++)
            {
                // start + 2k ≡ 0 (mod p) for k ≡ −r · 2⁻¹ (mod p); 2⁻¹ mod p is (p + 1) / 2.
                var prime = SmallPrimes[i];
                var residue = (long)(start % prime);
                var first = (int)((prime - residue) % prime * ((prime + 1) / 2) % prime);
                for (var k = first; k < SieveWindow; k += prime)
                {
                    composite[k] = true;
                }
            }

            for (var k = 0; k < SieveWindow; k++)
            {
                if (composite[k])
                {
                    continue;
                }

                var candidate = start + (2 * k);
                if (!((candidate - 1) % PublicExponent).IsZero && IsProbablePrime(candidate, random))
                {
                    return candidate;
                }
            }

            start += 2 * SieveWindow;
        }
    }

    private static bool IsProbablePrime(BigInteger n, Random random)
    {
        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        var witnessBytes = new byte[PrimeBytes];
        for (var round = 0; round < MillerRabinRounds; round++)
        {
            random.NextBytes(witnessBytes);
            var a = (new BigInteger(witnessBytes, isUnsigned: true, isBigEndian: true) % (n - 3)) + 2;
            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            var composite = true;
            for (var i = 1; i < s && composite; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != n - 1;
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger ModInverse(BigInteger value, BigInteger modulus)
    {
        BigInteger oldR = value % modulus, r = modulus, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }

        if (!oldR.IsOne)
        {
            throw new ArgumentException("The value has no inverse modulo the modulus.", nameof(value));
        }

        return ((oldS % modulus) + modulus) % modulus;
    }

    private static byte[] Unsigned(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == length)
        {
            return bytes;
        }

        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }

    // FNV-1a over the seed and purpose: string.GetHashCode differs between processes.
    private static int Mix(int seed, string purpose)
    {
        var hash = 2166136261u;
        foreach (var b in BitConverter.GetBytes(seed).Concat(Encoding.UTF8.GetBytes(purpose)))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }

    private static int[] SieveSmallPrimes(int limit)
    {
        var composite = new bool[limit + 1];
        var primes = new List<int>();
        for (var i = 2; i <= limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = (long)i * i; j <= limit; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
