using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Errors;
using PinterestAds.Core.StateChanges;
using PinterestAds.PowerShell.Analytics;
using PinterestAds.PowerShell.Cmdlets.Analytics.Parameters;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// What webhooks would have said, found by looking: rejected and approved ads, status changes,
    /// archived and new entities, and spend caps reached since the job's last look.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinStateChange")]
    [OutputType(typeof(StateChange))]
    public sealed class GetPinStateChangeCommand : JobCmdlet
    {
        protected override void EndProcessing()
        {
            var context = Core.Connection(Context);
            StateWatch watch = null!;
            try
            {
                watch = StateWatch.Start(context, Name, Accounts);
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Name));
            }

            foreach (var account in watch.Accounts)
            {
                Core.RunForItem(account.ToString(), async (bridge, ct) =>
                {
                    await foreach (var change in watch.CompareAsync(account, bridge, bridge, ct).ConfigureAwait(false))
                    {
                        await bridge.OutputAsync(AnalyticsOutput.Wrap(change), ct).ConfigureAwait(false);
                    }
                });
            }
        }
    }
}
