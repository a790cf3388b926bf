using System;
using System.Threading;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// A deadline that moves with progress: it cancels only when nothing has moved for
    /// <see cref="Idle"/>. An upload of a gigabyte takes minutes on a good line, so the per-attempt
    /// timeout of API calls (PINTEREST_ADS_TIMEOUT) would cut it; as an idle limit it still ends a
    /// stalled connection after the same time.
    /// </summary>
    internal sealed class IdleTimeout : IDisposable
    {
        private readonly CancellationToken _caller;
        private readonly CancellationTokenSource _source;

        public IdleTimeout(TimeSpan idle, CancellationToken caller)
        {
            Idle = idle;
            _caller = caller;
            _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
            _source.CancelAfter(idle);
        }

        public TimeSpan Idle { get; }

        public CancellationToken Token => _source.Token;

        /// <summary>True when the wait ran out (not when the caller cancelled).</summary>
        public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

        /// <summary>Something moved: the countdown starts again.</summary>
        public void Poke() => _source.CancelAfter(Idle);

        public void Dispose() => _source.Dispose();
    }
}
