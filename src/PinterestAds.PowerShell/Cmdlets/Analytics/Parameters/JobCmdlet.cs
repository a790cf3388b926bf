using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics.Parameters
{
    /// <summary>
    /// Base of the job cmdlets (Sync-PinAnalytics, Get-PinStateChange): the ad accounts, gathered from
    /// every record, and the job's name. The job runs at the end of the pipeline, over all of them.
    /// </summary>
    public abstract class JobCmdlet : ApiCmdlet
    {
        private protected JobCmdlet()
        {
        }

        /// <summary>The job's ad accounts (ad accounts piped from Get-PinAdAccount bind by their Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string[] AdAccountId { get; set; } = null!;

        /// <summary>The job's name: its state is kept under it, and workers that share it share the work.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>Every ad account given so far, as ids.</summary>
        private protected List<PinterestId> Accounts { get; } = new List<PinterestId>();

        /// <summary>Starts the job, or ends the command with its error (settings refused; nothing was sent).</summary>
        private protected TJob StartJob<TJob>(Func<TJob> start)
            where TJob : class
        {
            try
            {
                return start();
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Name));
                throw;
            }
        }

        /// <summary>
        /// Runs the job on each ad account in turn, writing what it yields as it comes; an account that
        /// fails is an error about that account, and the others still run.
        /// </summary>
        private protected void RunEachAccount<T>(
            IEnumerable<PinterestId> accounts,
            Func<PinterestId, ICallObserver, IOutputPacer, CancellationToken, IAsyncEnumerable<T>> run,
            Func<T, PSObject> wrap)
        {
            foreach (var account in accounts)
            {
                Core.RunForItem(account.ToString(), async (bridge, ct) =>
                {
                    await foreach (var item in run(account, bridge, bridge, ct).ConfigureAwait(false))
                    {
                        await bridge.OutputAsync(wrap(item), ct).ConfigureAwait(false);
                    }
                });
            }
        }

        protected override void ProcessRecord()
        {
            foreach (string id in AdAccountId)
            {
                try
                {
                    Accounts.Add(PinterestId.Parse(nameof(AdAccountId), id));
                }
                catch (PinterestAdsException ex)
                {
                    WriteError(ErrorRecords.From(ex, id));
                }
            }
        }
    }
}
