namespace PinterestAds.Testing.Tests;

/// <summary>
/// A fresh fake server and a signed-in client for every test (xunit makes one instance per test),
/// so no test sees another's entities or request log.
/// </summary>
public abstract class ApiTest : IDisposable
{
    protected ApiTest()
    {
        Api = new Api(Server);
    }

    protected PinTestServer Server { get; } = PinTestServer.StartNew();

    protected Api Api { get; }

    public void Dispose()
    {
        Api.Dispose();
        Server.Dispose();
    }
}
