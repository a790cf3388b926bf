using System;
using System.Management.Automation;
using PinterestAds.Testing;

namespace PinterestAds.PowerShell.Cmdlets.Testing
{
    /// <summary>Starts the stateful fake Pinterest API on 127.0.0.1 and a free port and returns it.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PinTestServer")]
    [OutputType(typeof(PinTestServer))]
    public sealed class StartPinTestServerCommand : PSCmdlet
    {
        /// <summary>Lifetime of access tokens the server issues (default 30 days).</summary>
        [Parameter]
        public TimeSpan AccessTokenLifetime { get; set; }

        /// <summary>Ignore Idempotency-Key headers, as the real Pinterest API does.</summary>
        [Parameter]
        public SwitchParameter IgnoreIdempotencyKey { get; set; }

        /// <summary>How many ad accounts to seed (USD, EUR, GBP, then repeating).</summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int AdAccountCount { get; set; } = 3;

        protected override void ProcessRecord()
        {
            bool lifetimeGiven = MyInvocation.BoundParameters.ContainsKey(nameof(AccessTokenLifetime));
            if (lifetimeGiven && AccessTokenLifetime <= TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentOutOfRangeException(nameof(AccessTokenLifetime), "AccessTokenLifetime must be positive, e.g. (New-TimeSpan -Minutes 5)."),
                    "InvalidAccessTokenLifetime",
                    ErrorCategory.InvalidArgument,
                    AccessTokenLifetime));
            }

            var server = new PinTestServer(AdAccountCount);
            try
            {
                if (lifetimeGiven)
                {
                    server.AccessTokenLifetime = AccessTokenLifetime;
                }

                server.HonourIdempotencyKey = !IgnoreIdempotencyKey.IsPresent;
                server.Start();
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException || ex is InvalidOperationException)
            {
                server.Dispose();
                ThrowTerminatingError(new ErrorRecord(ex, "PinTestServerStartFailed", ErrorCategory.ResourceUnavailable, null)
                {
                    ErrorDetails = new ErrorDetails("Could not start the Pinterest test server on 127.0.0.1: " + ex.Message)
                    {
                        RecommendedAction = "Check that loopback TCP sockets are allowed on this machine, then try again.",
                    },
                });
            }

            WriteObject(server);
        }
    }
}
