using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Carries everything Core reports from background threads back to the pipeline thread.
    /// Core calls <see cref="ICallObserver"/> from any thread; those calls only enqueue. The
    /// cmdlet thread runs <see cref="Pump"/>, which is the only place Write* is ever called.
    /// </summary>
    internal sealed class PipelineBridge : ICallObserver
    {
        private readonly BlockingCollection<Action<Cmdlet>> _messages = new BlockingCollection<Action<Cmdlet>>();

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

        /// <summary>Queues a non-terminating error; safe from any thread.</summary>
        public void Error(ErrorRecord record) => _messages.Add(c => c.WriteError(record));

        /// <summary>Queues a progress record; safe from any thread.</summary>
        public void Progress(ProgressRecord record) => _messages.Add(c => c.WriteProgress(record));

        /// <summary>
        /// Writes queued messages on the calling (pipeline) thread until <paramref name="work"/>
        /// finishes, then drains what is left and rethrows the work's exception, if any.
        /// </summary>
        public void Pump(Cmdlet cmdlet, Task work)
        {
            work.ContinueWith(_ => _messages.Add(Completed), TaskScheduler.Default);
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

            work.GetAwaiter().GetResult();
        }

        private static readonly Action<Cmdlet> Completed = _ => { };
    }
}
