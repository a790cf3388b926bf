using System.Text;
using PinterestAds.Core.Analytics.Parsing;
using Xunit;

namespace PinterestAds.Core.Tests.Analytics;

/// <summary>Rows read from JSON as the bytes arrive, in both of Pinterest's shapes, however the stream cuts them.</summary>
public sealed class JsonRowReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Reads_a_bare_array_of_rows_whatever_the_reads_return(int chunk)
    {
        var rows = await ReadAll("""[{"DATE":"2026-12-01","CAMPAIGN_ID":"12","SPEND_IN_DOLLAR":30.5,"IMPRESSION_1":216},{"DATE":"2026-12-02","CAMPAIGN_ID":"12","SPEND_IN_DOLLAR":0}]""", chunk);

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Group);
        Assert.Equal("2026-12-01", rows[0].Values["DATE"]);
        Assert.Equal(30.5m, rows[0].Values["SPEND_IN_DOLLAR"]);
        Assert.Equal(216L, rows[0].Values["IMPRESSION_1"]);
        Assert.Equal(0L, rows[1].Values["SPEND_IN_DOLLAR"]);
    }

    [Fact]
    public async Task Reads_a_reports_object_of_arrays_with_the_key_of_each_row()
    {
        var rows = await ReadAll("""{"12":[{"DATE":"2026-12-01"},{"DATE":"2026-12-02"}],"13":[],"14":[{"DATE":"2026-12-01"}]}""", 5);

        Assert.Equal(new[] { "12", "12", "14" }, rows.Select(r => r.Group));
    }

    [Fact]
    public async Task Reads_a_row_larger_than_its_first_buffer()
    {
        string name = new string('x', 200_000);
        var rows = await ReadAll($$"""[{"CAMPAIGN_NAME":"{{name}}"},{"CAMPAIGN_NAME":"short"}]""", 65_536);

        Assert.Equal(name, rows[0].Values["CAMPAIGN_NAME"]);
        Assert.Equal("short", rows[1].Values["CAMPAIGN_NAME"]);
    }

    [Theory]
    [InlineData("""[{"DATE":"2026-12-01"},{"DATE":""", "ends")]
    [InlineData("<html>Service unavailable</html>", "not JSON")]
    public async Task Says_what_is_wrong_with_a_stream_that_is_not_rows(string text, string reason)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => ReadAll(text, 3));
        Assert.Contains(reason, error.Message);
    }

    private static async Task<List<RawRow>> ReadAll(string json, int chunk)
    {
        using var reader = new JsonRowReader(new TrickleStream(Encoding.UTF8.GetBytes(json), chunk));
        var rows = new List<RawRow>();
        while (await reader.ReadAsync(CancellationToken.None) is RawRow row)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
