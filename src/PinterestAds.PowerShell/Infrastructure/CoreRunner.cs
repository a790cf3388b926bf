using System;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// How a cmdlet calls Core: the async work runs off the pipeline thread while the pipeline
    /// thread writes whatever it reports, and Ctrl+C (the cmdlet's StopProcessing) cancels it.
    /// Each cmdlet that calls Core owns one and forwards StopProcessing to <see cref="Stop"/>.
    /// </summary>
    internal sealed class CoreRunner
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool? _debugEnabled;

        public CoreRunner(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Cancels the running work; called from the cmdlet's StopProcessing.</summary>
        public void Stop() => _stopping.Cancel();

        /// <summary>
        /// <paramref name="given"/> (the cmdlet's -Context), else the session default; a terminating
        /// error tells the user to connect when there is none.
        /// </summary>
        public PinterestAdsContext Connection(PinterestAdsContext? given)
        {
            var context = given ?? ContextStore.Current;
            if (context is null || !context.IsConnected)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.From(PinterestAdsException.NotConnected()));
            }

            return context!;
        }

        /// <summary>
        /// Runs <paramref name="work"/> and pumps its messages. A <see cref="PinterestAdsException"/>
        /// becomes a terminating error with the mapped ErrorRecord.
        /// </summary>
        public void Run(Func<PipelineBridge, CancellationToken, Task> work) =>
            Execute(work, ex => _cmdlet.ThrowTerminatingError(ErrorRecords.From(ex)));

        /// <summary>
        /// Like <see cref="Run"/>, but a failure is a non-terminating error about <paramref name="target"/>,
        /// so the next input still runs; only "not connected" ends the command.
        /// </summary>
        public void RunForItem(object? target, Func<PipelineBridge, CancellationToken, Task> work) =>
            Execute(work, ex => FailItem(ex, target));

        /// <summary>
        /// Like <see cref="RunForItem(object?, Func{PipelineBridge, CancellationToken, Task})"/>, for work
        /// that makes one object: the pipeline thread writes it once the work is done, so a call wakes
        /// that thread once (for the end) instead of twice (for the object, then for the end).
        /// </summary>
        public void RunForItem<T>(object? target, Func<PipelineBridge, CancellationToken, Task<T>> work)
        {
            if (Execute(work, ex => FailItem(ex, target)) is Task<T> done)
            {
                _cmdlet.WriteObject(done.Result);
            }
        }

        /// <summary>
        /// A bridge that outlives one call, for work that runs across records (uploads that go on
        /// while the next file is read): its tasks report to it, and <see cref="Pump"/> writes what
        /// they reported whenever the pipeline thread waits for them.
        /// </summary>
        public PipelineBridge NewBridge() => new PipelineBridge(_debugEnabled ??= DebugWanted());

        /// <summary>Cancelled by Ctrl+C (StopProcessing): what work started with <see cref="NewBridge"/> runs under.</summary>
        public CancellationToken Stopping => _stopping.Token;

        /// <summary>
        /// Writes what <paramref name="bridge"/>'s work reports until <paramref name="until"/> is done
        /// (a task that does not fail: the caller looks at its work's outcomes itself); Ctrl+C stops
        /// the pipeline.
        /// </summary>
        public void Pump(PipelineBridge bridge, Task until)
        {
            // The pipeline stopping (a write threw) stops every task of this runner, not just this one.
            bridge.Pump(_cmdlet, until, _stopping);
            if (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>A failure of one input's work: a non-terminating error, except "not connected", which ends the command.</summary>
        private void FailItem(PinterestAdsException ex, object? target)
        {
            var record = ErrorRecords.From(ex, target);
            if (ex.Kind == FailureKind.NotConnected)
            {
                _cmdlet.ThrowTerminatingError(record);
            }

            _cmdlet.WriteError(record);
        }

        /// <summary>
        /// Pumps <paramref name="work"/>'s messages on this (the pipeline) thread; <paramref name="fail"/> reports a Core failure.
        /// Returns the finished work, or null when it failed.
        /// </summary>
        private Task? Execute(Func<PipelineBridge, CancellationToken, Task> work, Action<PinterestAdsException> fail)
        {
            var bridge = NewBridge();
            using var stopWork = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            try
            {
                var task = Start(work, bridge, stopWork.Token);
                bridge.Pump(_cmdlet, task, stopWork);
                return task;
            }
            catch (PinterestAdsException ex)
            {
                fail(ex);
                return null;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Starts <paramref name="work"/> on this thread, where it runs up to its first wait (the HTTP
        /// send) instead of being queued to the thread pool first: one thread hop less a call. It runs
        /// without a synchronization context, so none of its continuations can wait for this thread,
        /// which is busy pumping; they run on the thread pool, and only the pump writes.
        /// </summary>
        private static Task Start(Func<PipelineBridge, CancellationToken, Task> work, PipelineBridge bridge, CancellationToken cancellationToken)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                return work(bridge, cancellationToken);
            }
            catch (Exception ex)
            {
                return Task.FromException(ex);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        /// <summary>
        /// Whether this call shows debug output: <c>-Debug</c> when bound (<c>-Debug:$false</c> turns it
        /// off), else <c>$DebugPreference</c> other than SilentlyContinue or Ignore. Pipeline thread only.
        /// </summary>
        private bool DebugWanted()
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(nameof(CommonParameters.Debug), out var bound))
            {
                return bound is SwitchParameter debug ? debug.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            return LanguagePrimitives.TryConvertTo(_cmdlet.GetVariableValue("DebugPreference"), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue
                && preference != ActionPreference.Ignore;
        }
    }
}
