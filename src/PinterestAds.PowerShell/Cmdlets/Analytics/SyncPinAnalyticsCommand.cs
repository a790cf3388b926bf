using System;
using System.Management.Automation;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Sync;
using PinterestAds.PowerShell.Analytics;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Analytics.Parameters;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// The hourly runbook step: per ad account, the daily rows from the job's watermark minus the
    /// lookback to today; the watermark moves after the account's rows were written. Workers that run
    /// the same job on one Redis split the accounts.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "PinAnalytics")]
    [OutputType(typeof(AnalyticsRow))]
    public sealed class SyncPinAnalyticsCommand : JobCmdlet
    {
        [Parameter]
        public AnalyticsLevel Level { get; set; } = AnalyticsLevel.AdAccount;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        [Alias("Columns")]
        public string[]? Column { get; set; }

        [Parameter]
        public int LookbackDays { get; set; } = SyncJob.DefaultLookbackDays;

        /// <summary>Where an ad account without a watermark starts (its first run); default -LookbackDays before today.</summary>
        [Parameter]
        public DateTime? StartDate { get; set; }

        [Parameter]
        public TimeSpan RunWindow { get; set; } = TimeSpan.FromMinutes(10);

        [Parameter]
        public object? ExchangeRate { get; set; }

        protected override void EndProcessing()
        {
            var context = Core.Connection(Context);
            var sync = StartJob(() => AnalyticsSync.Start(context, new SyncJob(Name, Accounts)
            {
                Level = Level,
                Column = Column,
                LookbackDays = LookbackDays,
                StartDate = StartDate,
                RunWindow = RunWindow,
                ExchangeRate = ExchangeRateArgument.Read(this, ExchangeRate),
            }));
            RunEachAccount<AnalyticsRow>(sync.Accounts, sync.PullAsync, AnalyticsOutput.Wrap);
        }
    }
}
