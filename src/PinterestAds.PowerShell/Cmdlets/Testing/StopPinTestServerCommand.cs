using System.Management.Automation;
using PinterestAds.Testing;

namespace PinterestAds.PowerShell.Cmdlets.Testing
{
    /// <summary>Stops a fake Pinterest API started with Start-PinTestServer and closes its connections.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PinTestServer")]
    public sealed class StopPinTestServerCommand : PSCmdlet
    {
        /// <summary>The server to stop, as returned by Start-PinTestServer.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PinTestServer Server { get; set; } = null!;

        protected override void ProcessRecord()
        {
            WriteVerbose("Stopping " + Server);
            Server.Dispose();
        }
    }
}
