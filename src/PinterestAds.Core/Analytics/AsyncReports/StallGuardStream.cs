using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>
    /// A read-only stream that fails a read when no byte arrives within the stall timeout: a hung
    /// download ends, a slow but moving one of any size goes on.
    /// </summary>
    internal sealed class StallGuardStream : Stream
    {
        private readonly Stream _inner;
        private readonly TimeSpan _stall;

        public StallGuardStream(Stream inner, TimeSpan stall)
        {
            _inner = inner;
            _stall = stall;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_stall);
            try
            {
                return await _inner.ReadAsync(buffer, offset, count, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"no data arrived for {_stall.TotalSeconds:0} s", ex);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
