namespace DemoRestaurant.Chaos;

/// <summary>
/// What the dashboard's chaos panel injects, read live on every call: network latency and drops on the payment
/// channels, gateway errors (SYSTEMERROR / 503 / rate limiting), USERPAYING delays and wrong passwords from the
/// simulated customers. Printer faults (paper out, offline) are set on the virtual printers directly.
/// </summary>
internal sealed class ChaosSettings
{
    private int _networkLatencyMs;
    private int _userPayingDelayMs;
    private long _dropRateBits;
    private long _gatewayErrorRateBits;
    private long _wrongPasswordRateBits;

    public int NetworkLatencyMs { get => Volatile.Read(ref _networkLatencyMs); set => Volatile.Write(ref _networkLatencyMs, Math.Clamp(value, 0, 8000)); }

    public int UserPayingDelayMs { get => Volatile.Read(ref _userPayingDelayMs); set => Volatile.Write(ref _userPayingDelayMs, Math.Clamp(value, 0, 60_000)); }

    public double DropRate { get => Read(ref _dropRateBits); set => Write(ref _dropRateBits, value); }

    public double GatewayErrorRate { get => Read(ref _gatewayErrorRateBits); set => Write(ref _gatewayErrorRateBits, value); }

    public double WrongPasswordRate { get => Read(ref _wrongPasswordRateBits); set => Write(ref _wrongPasswordRateBits, value); }

    public ChaosView View() => new(NetworkLatencyMs, DropRate, GatewayErrorRate, UserPayingDelayMs, WrongPasswordRate);

    public void Apply(ChaosView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        NetworkLatencyMs = view.NetworkLatencyMs;
        DropRate = view.DropRate;
        GatewayErrorRate = view.GatewayErrorRate;
        UserPayingDelayMs = view.UserPayingDelayMs;
        WrongPasswordRate = view.WrongPasswordRate;
    }

    private static double Read(ref long bits) => BitConverter.Int64BitsToDouble(Volatile.Read(ref bits));

    private static void Write(ref long bits, double value) =>
        Volatile.Write(ref bits, BitConverter.DoubleToInt64Bits(double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0));
}

/// <summary>The chaos panel's settings as sent and shown by the dashboard (rates are 0–1).</summary>
internal sealed record ChaosView(int NetworkLatencyMs, double DropRate, double GatewayErrorRate, int UserPayingDelayMs, double WrongPasswordRate);
