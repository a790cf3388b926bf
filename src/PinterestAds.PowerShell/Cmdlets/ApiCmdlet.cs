using System.Management.Automation;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>Base of the cmdlets that read the API outside the ads hierarchy: declares <c>-Context</c>.</summary>
    public abstract class ApiCmdlet : PSCmdlet
    {
        private protected ApiCmdlet()
        {
            Core = new CoreRunner(this);
        }

        /// <summary>
        /// The connection to use instead of the session default (from Connect-PinterestAds -PassThru
        /// or Get-PinterestAdsContext); what runbooks and ForEach-Object -Parallel pass along.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public PinterestAdsContext? Context { get; set; }

        internal CoreRunner Core { get; }

        protected override void StopProcessing() => Core.Stop();
    }
}
