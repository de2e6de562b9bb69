using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace Ordering.Sdk.Payments.Tests.Resilience;

public sealed class ChannelPipelinesTests
{
    private static ChannelResult Transient() => ChannelResult.Unknown(new ChannelError(FailureCause.Network, "TIMEOUT", "no answer"));

    [Fact]
    public void Create_ChargePipeline_HasNoRetryStrategy()
    {
        var pipelines = ChannelPipelines.Create(new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero }, new FakeTimeProvider(), new Random(1));

        Assert.DoesNotContain("Retry", pipelines.ChargeStrategies);
        Assert.Equal(["Retry", "CircuitBreaker", "Timeout"], pipelines.IdempotentStrategies);
    }

    [Fact]
    public async Task ChargePipeline_TransientOutcome_IsCalledExactlyOnce()
    {
        var pipelines = ChannelPipelines.Create(new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 3 }, new FakeTimeProvider(), new Random(1));
        var calls = 0;

        await pipelines.Charge.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(Transient());
        });

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task IdempotentPipeline_TransientOutcome_IsRetried()
    {
        var pipelines = ChannelPipelines.Create(new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 3 }, new FakeTimeProvider(), new Random(1));
        var calls = 0;

        await pipelines.Idempotent.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(Transient());
        });

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task IdempotentPipeline_CustomerDecline_IsNotRetried()
    {
        var pipelines = ChannelPipelines.Create(new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero }, new FakeTimeProvider(), new Random(1));
        var calls = 0;

        await pipelines.Idempotent.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(ChannelResult.Decline(new ChannelError(FailureCause.Customer, "NOTENOUGH", "余额不足")));
        });

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Breaker_RepeatedFailures_OpensForChargesToo()
    {
        var pipelines = ChannelPipelines.Create(new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 0, BreakerMinimumThroughput = 4 }, new FakeTimeProvider(), new Random(1));
        for (var i = 0; i < 4; i++)
        {
            await pipelines.Idempotent.ExecuteAsync(_ => ValueTask.FromResult(Transient()));
        }

        Assert.True(pipelines.IsCircuitOpen);
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipelines.Charge.ExecuteAsync(_ => ValueTask.FromResult(ChannelResult.Success(Money.Fen(1)))));
    }

    [Fact]
    public void Validate_BadPolicy_NamesEveryField()
    {
        var policy = new ChannelPolicy { CallTimeout = TimeSpan.Zero, BreakerFailureRatio = 2, GiveUpAfter = TimeSpan.FromSeconds(1) };

        var error = Assert.Throws<OptionsValidationException>(policy.Validate);

        Assert.Contains(error.Failures, f => f.StartsWith("CallTimeout", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("BreakerFailureRatio", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("GiveUpAfter", StringComparison.Ordinal));
    }
}
