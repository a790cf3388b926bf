using System;
using System.Collections.Concurrent;
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
    internal sealed class PipelineBridge : ICallObserver, IOutputPacer
    {
        /// <summary>Objects of a stream that may wait for the pipeline thread: enough to keep it busy, few enough to be nothing in memory.</summary>
        public const int OutputRoom = 1024;

        private readonly BlockingCollection<Action<Cmdlet>> _messages = new BlockingCollection<Action<Cmdlet>>();
        private readonly SemaphoreSlim _room = new SemaphoreSlim(OutputRoom, OutputRoom);

        /// <param name="debugEnabled">The cmdlet's effective debug preference, read on the pipeline thread.</param>
        public PipelineBridge(bool debugEnabled)
        {
            DebugEnabled = debugEnabled;
        }

        public bool DebugEnabled { get; }

        public void Verbose(string message) => _messages.Add(c => c.WriteVerbose(message));

        public void Debug(string message) => _messages.Add(c => c.WriteDebug(message));

        public void Warning(string message) => _messages.Add(c => c.WriteWarning(message));

        /// <summary>Queues an output object; safe from any thread.</summary>
        public void Output(object item) => _messages.Add(c => c.WriteObject(item));

        /// <summary>Queues an output object of a stream, first waiting while <see cref="OutputRoom"/> others wait to be written.</summary>
        public async Task OutputAsync(object item, CancellationToken cancellationToken)
        {
            await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
            _messages.Add(c =>
            {
                _room.Release();
                c.WriteObject(item);
            });
        }

        /// <summary>Completes once everything queued before it has been written by the pipeline thread.</summary>
        public async Task WaitDeliveredAsync(CancellationToken cancellationToken)
        {
            var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _messages.Add(_ => delivered.TrySetResult(true));
            using (cancellationToken.Register(() => delivered.TrySetCanceled()))
            {
                await delivered.Task.ConfigureAwait(false);
            }
        }

        /// <summary>Queues a non-terminating error; safe from any thread.</summary>
        public void Error(ErrorRecord record) => _messages.Add(c => c.WriteError(record));

        /// <summary>
        /// Writes queued messages on the calling (pipeline) thread until <paramref name="work"/>
        /// finishes, then drains what is left and rethrows the work's exception, if any. When a
        /// write throws (the pipeline stopped: Select-Object -First had enough, Ctrl+C, an error
        /// downstream), the work is cancelled through <paramref name="stopWork"/> and waited for, so
        /// it sends nothing more once the command has ended; then the exception goes on.
        /// </summary>
        public void Pump(Cmdlet cmdlet, Task work, CancellationTokenSource stopWork)
        {
            work.ContinueWith(_ => _messages.Add(Completed), TaskScheduler.Default);
            try
            {
                foreach (var message in _messages.GetConsumingEnumerable())
                {
                    if (ReferenceEquals(message, Completed))
                    {
                        break;
                    }

                    message(cmdlet);
                }

                while (_messages.TryTake(out var rest))
                {
                    if (!ReferenceEquals(rest, Completed))
                    {
                        rest(cmdlet);
                    }
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

        private static readonly Action<Cmdlet> Completed = _ => { };
    }
}
