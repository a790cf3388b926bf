namespace PinterestAds.Testing.Tests.Media;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    /// <summary>Tests that count the process's allocations run alone, so no other test's allocations are counted.</summary>
    public const string Name = "Allocation measurements";
}

[Collection(AllocationMeasurementCollection.Name)]
public sealed class UploadMemoryTests : ApiTest
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_200_MB_upload_is_counted_without_the_server_buffering_it()
    {
        Server.Media.ProcessingPolls = 0;
        using var client = new HttpClient();

        long small = await AllocatedDuringUpload(client, 20 * Megabyte);
        long large = await AllocatedDuringUpload(client, 200 * Megabyte);

        // A server that held the body would allocate at least the 200 MB it received; this one
        // streams it through fixed buffers, so allocation stays far below and does not grow with size.
        Assert.True(large < 24 * Megabyte, $"allocated {large / Megabyte} MB while receiving 200 MB");
        Assert.True(large - small < 12 * Megabyte, $"allocation grew from {small / Megabyte} MB to {large / Megabyte} MB with a 10x larger file");
        var uploads = Server.RequestsTo("POST", "/media-upload/");
        Assert.Equal(200 * Megabyte, uploads[^1].Upload!.FileBytes);
        Assert.All(uploads, u => Assert.Equal(204, u.ResponseStatus));
    }

    private async Task<long> AllocatedDuringUpload(HttpClient client, long length)
    {
        var media = await Uploads.Register(Api);
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        using (var response = await Uploads.Send(client, media, new GeneratedVideo(length)))
        {
            Assert.Equal(204, (int)response.StatusCode);
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal("succeeded", Server.Media.GetMedia((string)media["media_id"]!)!.Status);
        return allocated;
    }

    /// <summary>A forward-only "video" of any length made on the fly: an MP4 header, then filler. Unseekable, so it goes out chunked.</summary>
    private sealed class GeneratedVideo(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = (int)Math.Min(buffer.Length, length - _position);
            for (int i = 0; i < count; i++)
            {
                long at = _position + i;
                buffer[i] = at < Uploads.Mp4Head.Length ? Uploads.Mp4Head[at] : (byte)(at * 31);
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
