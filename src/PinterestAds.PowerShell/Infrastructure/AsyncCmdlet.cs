using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Errors;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Base for cmdlets that call Core: runs the async work off the pipeline thread while the
    /// pipeline thread writes whatever the work reports, and turns Ctrl+C into cancellation.
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs <paramref name="work"/> and pumps its messages. A <see cref="PinterestAdsException"/>
        /// becomes a terminating error with the mapped ErrorRecord.
        /// </summary>
        private protected void Run(Func<PipelineBridge, CancellationToken, Task> work)
        {
            var bridge = new PipelineBridge();
            try
            {
                bridge.Pump(this, Task.Run(() => work(bridge, StopToken)));
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Like <see cref="Run"/>, but a failure is written as a non-terminating error about <paramref name="target"/>.</summary>
        private protected void RunForItem(object? target, Func<PipelineBridge, CancellationToken, Task> work)
        {
            var bridge = new PipelineBridge();
            try
            {
                bridge.Pump(this, Task.Run(() => work(bridge, StopToken)));
            }
            catch (PinterestAdsException ex) when (ex.Kind != FailureKind.NotConnected)
            {
                WriteError(ErrorRecords.From(ex, target));
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, target));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
