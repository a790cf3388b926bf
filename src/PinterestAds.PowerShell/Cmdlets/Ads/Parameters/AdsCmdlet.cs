using System.Management.Automation;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// Base of every campaign, ad group and ad cmdlet: the parameters they all declare. What the
    /// cmdlets do is in the helpers they own (<see cref="PowerShell.Ads.AdsLister{T}"/>,
    /// <see cref="PowerShell.Ads.AdsWriter{T}"/>), which call Core through <see cref="Core"/>.
    /// </summary>
    public abstract class AdsCmdlet : PSCmdlet
    {
        private protected AdsCmdlet()
        {
            Core = new CoreRunner(this);
        }

        /// <summary>The ad account that owns the campaigns, ad groups or ads.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string AdAccountId { get; set; } = null!;

        /// <summary>The object from the pipeline: errors about it name it as their target.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

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
