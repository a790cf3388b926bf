using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Carries everything Core reports from background threads back to the pipeline thread.
    /// Core calls <see cref="ICallObserver"/> from any thread; those calls only enqueue. The
    /// cmdlet thread runs <see cref="Pump"/>, which is the only place Write* is ever called.
    /// Streams of output go through <see cref="OutputAsync"/>, which keeps at most
    /// <see cref="OutputRoom"/> objects waiting, so memory stays flat however many there are.
    /// </summary>
    /// <remarks>
    /// A plain queue under a monitor rather than a BlockingCollection: the pump sleeps until
    /// something arrives instead of spinning first. A call waits the better part of a millisecond
    /// for Pinterest; on a machine with few cores a spinning pump takes that core from the threads
    /// that receive the answer.
    /// </remarks>
    internal sealed class PipelineBridge : ICallObserver, IOutputPacer
    {
        /// <summary>Objects of a stream that may wait for the pipeline thread: enough to keep it busy, few enough to be nothing in memory.</summary>
        public const int OutputRoom = 1024;

        private readonly SemaphoreSlim _room = new SemaphoreSlim(OutputRoom, OutputRoom);
        private readonly Queue<Action<Cmdlet>> _messages = new Queue<Action<Cmdlet>>();

        /// <param name="debugEnabled">The cmdlet's effective debug preference, read on the pipeline thread.</param>
        public PipelineBridge(bool debugEnabled)
        {
            DebugEnabled = debugEnabled;
        }

        public bool DebugEnabled { get; }

        public void Verbose(string message) => Add(c => c.WriteVerbose(message));

        public void Debug(string message) => Add(c => c.WriteDebug(message));

        public void Warning(string message) => Add(c => c.WriteWarning(message));

        /// <summary>Queues an output object; safe from any thread.</summary>
        public void Output(object item) => Add(c => c.WriteObject(item));

        /// <summary>Queues an output object of a stream, first waiting while <see cref="OutputRoom"/> others wait to be written.</summary>
        public async Task OutputAsync(object item, CancellationToken cancellationToken)
        {
            await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
            Add(c =>
            {
                _room.Release();
                c.WriteObject(item);
            });
        }

        /// <summary>Completes once everything queued before it has been written by the pipeline thread.</summary>
        public async Task WaitDeliveredAsync(CancellationToken cancellationToken)
        {
            var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Add(_ => delivered.TrySetResult(true));
            using (cancellationToken.Register(() => delivered.TrySetCanceled()))
            {
                await delivered.Task.ConfigureAwait(false);
            }
        }

        /// <summary>Queues a non-terminating error; safe from any thread.</summary>
        public void Error(ErrorRecord record) => Add(c => c.WriteError(record));

        /// <summary>Queues a progress record; safe from any thread.</summary>
        public void Progress(ProgressRecord record) => Add(c => c.WriteProgress(record));

        /// <summary>
        /// Writes queued messages on the calling (pipeline) thread until <paramref name="work"/>
        /// finishes, then what is left, and rethrows the work's exception, if any. When a write
        /// throws (the pipeline stopped: Select-Object -First had enough, Ctrl+C, an error
        /// downstream), the work is cancelled through <paramref name="stopWork"/> and waited for, so
        /// it sends nothing more once the command has ended; then the exception goes on.
        /// </summary>
        public void Pump(Cmdlet cmdlet, Task work, CancellationTokenSource stopWork)
        {
            // Woken from the thread that finishes the work, rather than from one more thread-pool
            // item: the pump wakes once for the last output and the end together.
            work.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                while (Next(work) is Action<Cmdlet> message)
                {
                    message(cmdlet);
                }
            }
            catch
            {
                stopWork.Cancel();
                try
                {
                    work.Wait();
                }
                catch (AggregateException)
                {
                    // Its cancellation, or a failure it met on the way out: moot once the pipeline stopped.
                }

                throw;
            }

            work.GetAwaiter().GetResult();
        }

        private void Add(Action<Cmdlet> message)
        {
            lock (_messages)
            {
                _messages.Enqueue(message);
                Monitor.Pulse(_messages);
            }
        }

        private void Wake()
        {
            lock (_messages)
            {
                Monitor.Pulse(_messages);
            }
        }

        /// <summary>
        /// The next message, waiting for one while <paramref name="work"/> runs; null once it finished
        /// and all were taken. The end is the work's, not the bridge's: a bridge that outlives one
        /// call (uploads across records) is pumped again for the next.
        /// </summary>
        private Action<Cmdlet>? Next(Task work)
        {
            lock (_messages)
            {
                while (_messages.Count == 0 && !work.IsCompleted)
                {
                    Monitor.Wait(_messages);
                }

                return _messages.Count > 0 ? _messages.Dequeue() : null;
            }
        }
    }
}
