using System.Collections.Concurrent;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Tests;

/// <summary>Admits every request and counts the permits (retries and the token call must take one each).</summary>
public sealed class CountingLimiter : IRequestLimiter
{
    public int Permits;

    public Task AcquireAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Permits);
        return Task.CompletedTask;
    }
}

/// <summary>Keeps every message Core reports (debug traces included), for assertions on what the user would see and on secrets.</summary>
public sealed class RecordingObserver : ICallObserver
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public bool DebugEnabled => true;

    public IEnumerable<string> Verboses => Messages.Where(m => m.StartsWith("VERBOSE: ", StringComparison.Ordinal));

    public IEnumerable<string> Warnings => Messages.Where(m => m.StartsWith("WARNING: ", StringComparison.Ordinal));

    public string AllText => string.Join("\n", Messages);

    public void Verbose(string message) => Messages.Enqueue("VERBOSE: " + message);

    public void Debug(string message) => Messages.Enqueue("DEBUG: " + message);

    public void Warning(string message) => Messages.Enqueue("WARNING: " + message);
}

/// <summary>Always the same bearer token (one the fake server issued, or any text for in-process fakes); a 401 cannot be renewed.</summary>
public sealed class FixedToken(string token = "test-token") : IAccessTokenSource
{
    public Task<string> GetAccessTokenAsync(ICallObserver observer, CancellationToken cancellationToken) => Task.FromResult(token);

    public Task<bool> RenewAfterRejectionAsync(string rejectedToken, ICallObserver observer, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Starts with token-1; every renewal after a 401 hands out the next one and is counted.</summary>
public sealed class RotatingTokens : IAccessTokenSource
{
    public string Current = "token-1";
    public int Renewals;

    public Task<string> GetAccessTokenAsync(ICallObserver observer, CancellationToken cancellationToken) => Task.FromResult(Current);

    public Task<bool> RenewAfterRejectionAsync(string rejectedToken, ICallObserver observer, CancellationToken cancellationToken)
    {
        Renewals++;
        Current = "token-" + (Renewals + 1);
        return Task.FromResult(true);
    }
}
