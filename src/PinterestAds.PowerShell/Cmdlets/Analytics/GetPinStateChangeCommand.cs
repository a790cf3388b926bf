using System.Management.Automation;
using PinterestAds.Core.StateChanges;
using PinterestAds.PowerShell.Analytics;
using PinterestAds.PowerShell.Cmdlets.Analytics.Parameters;

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
            var watch = StartJob(() => StateWatch.Start(context, Name, Accounts));
            RunEachAccount<StateChange>(watch.Accounts, watch.CompareAsync, AnalyticsOutput.Wrap);
        }
    }
}
