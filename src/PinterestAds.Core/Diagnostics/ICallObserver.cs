namespace PinterestAds.Core.Diagnostics
{
    /// <summary>
    /// Where Core reports what it is doing. Core may call it from any thread; the PowerShell
    /// layer queues each message and writes it on the pipeline thread.
    /// </summary>
    public interface ICallObserver
    {
        /// <summary>
        /// True when someone shows <see cref="Debug"/> messages. Costly debug text (the HTTP
        /// traces) is only built when it is; fixed for the life of the observer.
        /// </summary>
        bool DebugEnabled { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);
    }

    /// <summary>An observer that drops everything, for calls nobody watches (tests, benchmarks).</summary>
    public sealed class SilentObserver : ICallObserver
    {
        public static readonly SilentObserver Instance = new SilentObserver();

        private SilentObserver()
        {
        }

        public bool DebugEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
