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
        private bool? _debugEnabled;

        protected CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs <paramref name="work"/> and pumps its messages. A <see cref="PinterestAdsException"/>
        /// becomes a terminating error with the mapped ErrorRecord.
        /// </summary>
        private protected void Run(Func<PipelineBridge, CancellationToken, Task> work) =>
            Execute(work, ex => ThrowTerminatingError(ErrorRecords.From(ex)));

        /// <summary>
        /// Like <see cref="Run"/>, but a failure is a non-terminating error about <paramref name="target"/>,
        /// so the next input still runs; only "not connected" ends the command.
        /// </summary>
        private protected void RunForItem(object? target, Func<PipelineBridge, CancellationToken, Task> work) =>
            Execute(work, ex =>
            {
                var record = ErrorRecords.From(ex, target);
                if (ex.Kind == FailureKind.NotConnected)
                {
                    ThrowTerminatingError(record);
                }

                WriteError(record);
            });

        /// <summary>Pumps <paramref name="work"/>'s messages on this (the pipeline) thread; <paramref name="fail"/> reports a Core failure.</summary>
        private void Execute(Func<PipelineBridge, CancellationToken, Task> work, Action<PinterestAdsException> fail)
        {
            var bridge = new PipelineBridge(_debugEnabled ??= DebugWanted());
            try
            {
                bridge.Pump(this, Task.Run(() => work(bridge, StopToken)));
            }
            catch (PinterestAdsException ex)
            {
                fail(ex);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Whether this call shows debug output: <c>-Debug</c> when bound (<c>-Debug:$false</c> turns it
        /// off), else <c>$DebugPreference</c> other than SilentlyContinue or Ignore. Pipeline thread only.
        /// </summary>
        private bool DebugWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var bound))
            {
                return bound is SwitchParameter debug ? debug.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            return LanguagePrimitives.TryConvertTo(GetVariableValue("DebugPreference"), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue
                && preference != ActionPreference.Ignore;
        }
    }
}
