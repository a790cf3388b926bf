using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Limiting;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>
    /// Shows the request budget of the app and of each ad account: budget, used, remaining,
    /// window, and when the next permit frees up. Reading the budget spends none of it.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinRateLimit")]
    [OutputType(typeof(RateLimitStatus))]
    public sealed class GetPinRateLimitCommand : ApiCmdlet
    {
        private readonly List<string> _ids = new List<string>();

        /// <summary>Ad accounts to show; without it, the app's own budget and every ad account of the context.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string[]? AdAccountId { get; set; }

        protected override void ProcessRecord()
        {
            if (AdAccountId is null)
            {
                return;
            }

            foreach (var id in AdAccountId)
            {
                try
                {
                    _ids.Add(PinterestId.Parse(nameof(AdAccountId), id).ToString());
                }
                catch (PinterestAdsException ex)
                {
                    WriteError(ErrorRecords.From(ex, id));
                }
            }
        }

        protected override void EndProcessing()
        {
            var context = Core.Connection(Context);
            var ids = AdAccountId is null && _ids.Count == 0 ? null : _ids;
            Core.RunForItem(null, async (bridge, ct) =>
            {
                foreach (var status in await RateLimitService.GetStatusAsync(context, ids, ct).ConfigureAwait(false))
                {
                    bridge.Output(status);
                }
            });
        }
    }
}
