using System.Net;

namespace PinterestAds.Testing.Tests;

public sealed class AddressTests
{
    /// <summary>
    /// Every fake numbers its entities from the same first ids, and the module journals which key
    /// made which entity per API address; a test run shares one journal. A fake on the port of an
    /// earlier one would look to it like that same API, whose ids the journal says other keys
    /// made, and a reconciliation would refuse the new fake's own entity and create it again
    /// (WriteOutcomes once counted 9 campaigns for 8 creates). The system hands out a freed
    /// loopback port again after about 150 binds; a thousand fakes in a row find one for sure.
    /// </summary>
    [Fact]
    public void Fakes_started_one_after_another_in_a_process_never_share_an_address()
    {
        var seen = new HashSet<int>();
        for (int i = 0; i < 1000; i++)
        {
            using var http = new Http.LoopbackHttpServer(_ => throw new InvalidOperationException("No request is sent."), (_, _) => false, () => DateTimeOffset.UtcNow);
            http.Start();
            Assert.True(seen.Add(http.Port), $"fake {i + 1} got port {http.Port}, which an earlier fake had");
        }
    }
}
