using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// The <c>file</c> part of an upload: read from disk one buffer at a time while it is written to
    /// the connection (the file is never held in memory), each buffer counted for progress and
    /// pushing the idle deadline back. Its length is known up front, so the request carries a
    /// Content-Length (S3 refuses chunked POSTs) and nothing is buffered to compute one.
    /// </summary>
    internal sealed class FileContent : HttpContent
    {
        // Large enough that a gigabyte is a thousand reads and writes (smaller buffers cost
        // throughput, bench/Upload.Bench.ps1); small next to the 64 MB the upload may add to the process.
        private const int BufferSize = 1024 * 1024;

        private readonly UploadFile _file;
        private readonly ProgressMeter _meter;
        private readonly IdleTimeout _idle;

        public FileContent(UploadFile file, ProgressMeter meter, IdleTimeout idle)
        {
            _file = file;
            _meter = meter;
            _idle = idle;
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var buffer = new byte[BufferSize];
            long left = _file.Length;
            using var source = new FileStream(_file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            while (left > 0)
            {
                int read = await source.ReadAsync(buffer, 0, (int)System.Math.Min(buffer.Length, left), _idle.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new FileChangedException(_file, _file.Length - left);
                }

                await stream.WriteAsync(buffer, 0, read, _idle.Token).ConfigureAwait(false);
                left -= read;
                _meter.Sent(read);
                _idle.Poke();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _file.Length;
            return true;
        }
    }

    /// <summary>The file grew shorter while it was being sent: what went out no longer matches what was promised.</summary>
    internal sealed class FileChangedException : IOException
    {
        public FileChangedException(UploadFile file, long readSoFar)
            : base($"'{file.FullPath}' changed while it was being sent: it ended after {readSoFar} of {file.Length} bytes.")
        {
        }
    }
}
