using System.Management.Automation;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>
    /// Signs out: forgets the tokens in memory and in the token cache, so every API cmdlet
    /// refuses until Connect-PinterestAds runs again.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PinterestAds")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPinterestAdsCommand : PSCmdlet
    {
        internal const string RevokeAdvice =
            "Pinterest keeps the app's access until you revoke it: on pinterest.com open Settings → Security and logins → Apps (connected apps) and choose Revoke access for the app.";

        private readonly CoreRunner _core;

        public DisconnectPinterestAdsCommand()
        {
            _core = new CoreRunner(this);
        }

        /// <summary>The context to disconnect instead of the session default.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public PinterestAdsContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            var context = Context ?? ContextStore.Current;
            if (context is null)
            {
                WriteVerbose("Not connected to Pinterest Ads; there is nothing to disconnect.");
                return;
            }

            _core.Run((bridge, ct) => context.DisconnectAsync(bridge, ct));
            if (ReferenceEquals(ContextStore.Current, context))
            {
                ContextStore.Current = null;
            }

            WriteInformation(
                new HostInformationMessage { Message = "Disconnected from Pinterest Ads: the sign-in's tokens were removed from memory and from the token cache. " + RevokeAdvice, NoNewLine = false },
                new[] { "PSHOST" });
        }

        protected override void StopProcessing() => _core.Stop();
    }
}
