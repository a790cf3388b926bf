using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Testing.Analytics;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// Writes a report file as its rows are generated, never holding more than one row and a
    /// 32 KB buffer. JSON: <c>{"&lt;entity id&gt;": [rows...]}</c> (or keyed by date for BY_DATE),
    /// zero metrics left out ("JSON will not zero-fill"); CSV: a header of display names and
    /// zero-filled rows. Both leave out rows whose metrics are all 0, as Pinterest's reports do.
    /// </summary>
    internal static class ReportFile
    {
        private const int FlushThreshold = 32 * 1024;

        /// <summary>The CSV headers Pinterest uses for the usual columns; other columns keep their enum name.</summary>
        private static readonly Dictionary<string, string> DisplayNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DATE"] = "Date",
            ["ADVERTISER_ID"] = "Advertiser",
            ["AD_ACCOUNT_ID"] = "Ad account ID",
            ["CAMPAIGN_ID"] = "Campaign ID",
            ["AD_GROUP_ID"] = "Ad group ID",
            ["AD_ID"] = "Ad ID",
            ["PIN_PROMOTION_ID"] = "Pin promotion ID",
            ["PIN_ID"] = "Organic pin ID",
            ["CAMPAIGN_NAME"] = "Campaign name",
            ["AD_GROUP_NAME"] = "Ad group name",
            ["AD_NAME"] = "Ad name",
            ["SPEND_IN_DOLLAR"] = "Spend",
            ["SPEND_IN_MICRO_DOLLAR"] = "Spend in micro dollar",
            ["IMPRESSION_1"] = "Paid impressions",
            ["IMPRESSION_2"] = "Earned impressions",
            ["TOTAL_IMPRESSION"] = "Impressions",
            ["CLICKTHROUGH_1"] = "Paid Pin clicks",
            ["CLICKTHROUGH_2"] = "Earned Pin clicks",
            ["TOTAL_CLICKTHROUGH"] = "Pin clicks",
            ["TOTAL_CONVERSIONS"] = "Conversions",
            ["CTR"] = "Paid CTR",
            ["CPC_IN_MICRO_DOLLAR"] = "CPC in micro dollar",
            ["CPM_IN_MICRO_DOLLAR"] = "CPM in micro dollar",
        };

        public static string DisplayName(string column) => DisplayNames.TryGetValue(column, out string? name) ? name : column;

        /// <summary>The file's exact length, by writing it to a byte counter.</summary>
        public static long Measure(ReportJob job)
        {
            using (var counter = new CountingStream())
            {
                WriteAsync(job, counter, CancellationToken.None).GetAwaiter().GetResult();
                return counter.Length;
            }
        }

        public static Task WriteAsync(ReportJob job, Stream output, CancellationToken cancellationToken) =>
            job.Format == "CSV" ? WriteCsvAsync(job, output, cancellationToken) : WriteJsonAsync(job, output, cancellationToken);

        private static async Task WriteJsonAsync(ReportJob job, Stream output, CancellationToken cancellationToken)
        {
            var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
            using (var writer = new Utf8JsonWriter(output, options))
            {
                writer.WriteStartObject();
                string? group = null;
                foreach (MetricRow row in job.Rows.Rows(job.Spec, job.ByDate && job.Spec.Granularity != "TOTAL"))
                {
                    if (row.AllMetricsZero)
                    {
                        continue;
                    }

                    string key = job.ByDate && row.Date != null ? row.Date : row.EntityId;
                    if (key != group)
                    {
                        if (group != null)
                        {
                            writer.WriteEndArray();
                        }

                        writer.WriteStartArray(key);
                        group = key;
                    }

                    writer.WriteStartObject();
                    foreach (var pair in row.Values)
                    {
                        switch (pair.Value)
                        {
                            case long number:
                                if (number != 0)
                                {
                                    writer.WriteNumber(pair.Key, number);
                                }

                                break;
                            case decimal amount:
                                if (amount != 0m)
                                {
                                    writer.WriteNumber(pair.Key, amount);
                                }

                                break;
                            default:
                                writer.WriteString(pair.Key, (string)pair.Value);
                                break;
                        }
                    }

                    writer.WriteEndObject();
                    if (writer.BytesPending > FlushThreshold)
                    {
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                if (group != null)
                {
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task WriteCsvAsync(ReportJob job, Stream output, CancellationToken cancellationToken)
        {
            var columns = new List<string>();
            if (job.Spec.Granularity != "TOTAL")
            {
                columns.Add("DATE");
            }

            columns.Add(job.Spec.Level.IdKey);
            foreach (string column in job.Spec.Columns)
            {
                if (!columns.Contains(column))
                {
                    columns.Add(column);
                }
            }

            var text = new StringBuilder();
            for (int i = 0; i < columns.Count; i++)
            {
                Cell(text, i, DisplayName(columns[i]));
            }

            text.Append("\r\n");
            var encoding = new UTF8Encoding(false);
            foreach (MetricRow row in job.Rows.Rows(job.Spec, job.ByDate))
            {
                if (row.AllMetricsZero)
                {
                    continue;
                }

                for (int i = 0; i < columns.Count; i++)
                {
                    object? value = row[columns[i]];
                    Cell(text, i, value switch
                    {
                        null => EntityFacts.IsAttribute(columns[i]) ? string.Empty : "0",
                        long number => number.ToString(CultureInfo.InvariantCulture),
                        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
                        _ => (string)value,
                    });
                }

                text.Append("\r\n");
                if (text.Length > FlushThreshold)
                {
                    await Flush(text, encoding, output, cancellationToken).ConfigureAwait(false);
                }
            }

            await Flush(text, encoding, output, cancellationToken).ConfigureAwait(false);
        }

        private static void Cell(StringBuilder text, int index, string value)
        {
            if (index > 0)
            {
                text.Append(',');
            }

            if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }

        private static async Task Flush(StringBuilder text, Encoding encoding, Stream output, CancellationToken cancellationToken)
        {
            byte[] bytes = encoding.GetBytes(text.ToString());
            text.Clear();
            await output.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A write-only stream that only counts.</summary>
        private sealed class CountingStream : Stream
        {
            private long _length;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _length;

            public override long Position
            {
                get => _length;
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count) => _length += count;

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                _length += count;
                return Task.CompletedTask;
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
