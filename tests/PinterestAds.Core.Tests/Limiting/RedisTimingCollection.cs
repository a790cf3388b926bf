using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

/// <summary>
/// Tests that start a real redis-server and assert the fail-closed deadlines (about a second)
/// run one class at a time: on a 2-core machine, other test classes running beside them would
/// steal the CPU that the deadline measures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisTimingCollection
{
    public const string Name = "Real Redis, timed";
}
