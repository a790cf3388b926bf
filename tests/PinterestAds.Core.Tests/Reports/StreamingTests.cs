using System.Text;
using PinterestAds.Core.Reports;
using Xunit;

namespace PinterestAds.Core.Tests.Reports;

public sealed class StreamingTests
{
    /// <summary>Counts what is written and remembers the largest single write, keeping nothing.</summary>
    private sealed class MeasuringWriter : TextWriter
    {
        public long Total { get; private set; }

        public int LargestWrite { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Count(1);

        public override void Write(char[] buffer, int index, int count) => Count(count);

        public override void Write(string? value) => Count(value?.Length ?? 0);

        private void Count(int chars)
        {
            Total += chars;
            LargestWrite = Math.Max(LargestWrite, chars);
        }
    }

    [Fact]
    public void A_large_report_reaches_the_writer_in_small_pieces()
    {
        var content = new ReportContent();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int ad = 0; ad < 1000; ad++)
        {
            for (int day = 0; day < 90; day++)
            {
                content.Add(new ReportRow { Level = "Ad", EntityId = ad.ToString(), EntityName = "Ad number " + ad, Date = start.AddDays(day), Spend = ad % 50, Currency = "EUR", SpendUsd = ad % 50, Impressions = 1000 + ad, Clicks = 10 });
            }
        }

        var writer = new MeasuringWriter();
        HtmlReport.Write(writer, content, "Large", DateTimeOffset.UnixEpoch);

        Assert.True(writer.Total > 200_000, $"only {writer.Total} characters written");
        Assert.True(writer.LargestWrite <= 16 * 1024, $"one write of {writer.LargestWrite} characters");
    }
}
