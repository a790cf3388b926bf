using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// The ECB's rate history, fetched from <see cref="UriVariable"/> (default the ECB's own
    /// eurofxref-hist.xml) at most once a day and kept beside the state files, so every process of
    /// the machine shares one copy and one fetch (a file lock orders them). A failed fetch falls back
    /// on an older copy with a warning; without one it is an error that says how to supply rates.
    /// </summary>
    internal static class EcbRateCache
    {
        public const string UriVariable = "PINTEREST_ADS_EXCHANGE_RATES_URI";

        public static readonly Uri DefaultUri = new Uri("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml");

        /// <summary>The ECB publishes once a business day; a copy younger than this is used as it is.</summary>
        private static readonly TimeSpan FreshFor = TimeSpan.FromDays(1);

        /// <summary>The whole history is a few megabytes; a fetch slower than this has failed.</summary>
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(60);

        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(90);

        /// <summary>Parsed copies by file, with the write time they were read at: parsed once per process and version.</summary>
        private static readonly ConcurrentDictionary<string, (DateTime Written, EcbRates Rates)> Parsed = new ConcurrentDictionary<string, (DateTime, EcbRates)>(StringComparer.Ordinal);

        /// <param name="currency">The currency the rates are wanted for, named in messages.</param>
        public static async Task<EcbRates> GetAsync(string stateRoot, string currency, TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            Uri source = Source();
            string path = Path.Combine(stateRoot, "exchange-rates", "eurofxref-" + StatePaths.Digest(source.AbsoluteUri) + ".xml");
            if (IsFresh(path, time) && TryLoad(path) is EcbRates cached)
            {
                return cached;
            }

            LockedFile gate;
            try
            {
                gate = await LockedFile.OpenAsync(path + ".lock", LockTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                throw RateErrors.Unavailable(source, currency, "the rate cache " + path + " cannot be used: " + ex.Message, ex);
            }

            using (gate)
            {
                // Another process may have fetched while this one waited for the lock.
                if (IsFresh(path, time) && TryLoad(path) is EcbRates fetched)
                {
                    return fetched;
                }

                try
                {
                    observer.Verbose($"Fetching the ECB's exchange rates from {source}.");
                    await FetchAsync(source, path, cancellationToken).ConfigureAwait(false);
                    return TryLoad(path) ?? throw new FormatException("the fetched copy cannot be read back");
                }
                catch (Exception ex) when (IsFetchFailure(ex, cancellationToken))
                {
                    string reason = Reason(ex);
                    if (TryLoad(path) is EcbRates stale)
                    {
                        observer.Warning($"Could not refresh the exchange rates from {source} ({reason}); using the copy fetched {File.GetLastWriteTimeUtc(path):yyyy-MM-dd HH:mm} UTC" +
                            (stale.NewestFixing is DateTime newest ? $", whose newest fixing is {newest:yyyy-MM-dd}." : "."));
                        return stale;
                    }

                    throw RateErrors.Unavailable(source, currency, reason, ex);
                }
            }
        }

        /// <summary><see cref="UriVariable"/> when set (an absolute http or https address), else the ECB's.</summary>
        private static Uri Source()
        {
            string? configured = Environment.GetEnvironmentVariable(UriVariable);
            if (string.IsNullOrWhiteSpace(configured))
            {
                return DefaultUri;
            }

            return Uri.TryCreate(configured!.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw ConnectVariables.Invalid(UriVariable, $"'{configured}' is not an http or https address of an eurofxref-hist.xml file.");
        }

        private static bool IsFresh(string path, TimeProvider time) =>
            File.Exists(path) && time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) < FreshFor;

        /// <summary>The parsed copy at <paramref name="path"/>; null when there is none or it cannot be read.</summary>
        private static EcbRates? TryLoad(string path)
        {
            try
            {
                DateTime written = File.GetLastWriteTimeUtc(path);
                if (Parsed.TryGetValue(path, out var known) && known.Written == written)
                {
                    return known.Rates;
                }

                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                var rates = EcbRateFile.Read(file);
                Parsed[path] = (written, rates);
                return rates;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException)
            {
                return null;
            }
        }

        /// <summary>Downloads to a temporary file, checks it parses, then puts it in place (a rename: readers see the old copy or the new).</summary>
        private static async Task FetchAsync(Uri source, string path, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    deadline.CancelAfter(FetchTimeout);
                    using var response = await SharedHttpClient.Instance.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException($"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
                    }

                    using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await body.CopyToAsync(file, 81920, deadline.Token).ConfigureAwait(false);
                }

                using (var check = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    EcbRateFile.Read(check);
                }

                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private static bool IsFetchFailure(Exception ex, CancellationToken cancellationToken) =>
            ex is HttpRequestException || ex is IOException || ex is UnauthorizedAccessException || ex is FormatException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

        private static string Reason(Exception ex) => ex switch
        {
            OperationCanceledException => $"no answer within {FetchTimeout.TotalSeconds:0} s",
            FormatException format => "what it sent is not the ECB's rate file: " + format.Message,
            HttpRequestException http when http.InnerException is null => http.Message,
            _ => ex.GetBaseException().Message,
        };
    }
}
