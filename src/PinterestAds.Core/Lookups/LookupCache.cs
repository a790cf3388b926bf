using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Lookups
{
    /// <summary>
    /// Answers of live lookups for tab completion, kept briefly, and waited for no longer than a
    /// person will wait at a prompt. A lookup that outlasts the wait goes on in the background and
    /// its answer serves the next Tab; one that fails is forgotten, so the next Tab asks again.
    /// Nothing here ever throws: completion is silent about failures.
    /// </summary>
    public sealed class LookupCache
    {
        /// <summary>How long a Tab waits for a lookup.</summary>
        public static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(1);

        /// <summary>How long an answer is reused; new campaigns show up on a Tab after this.</summary>
        public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

        /// <summary>How long a lookup may run in the background before it is cancelled.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private readonly TimeProvider _time;

        public LookupCache(TimeProvider time)
        {
            _time = time;
        }

        /// <summary>
        /// The answer for <paramref name="key"/>: the kept one while fresh, else <paramref name="lookup"/>'s,
        /// waited for at most <paramref name="bound"/>; empty when it fails or is not there in time.
        /// </summary>
        /// <param name="key">Names the question, the kind of answer included: one key, one <typeparamref name="T"/>.</param>
        public IReadOnlyList<T> Get<T>(string key, Func<CancellationToken, Task<IReadOnlyList<T>>> lookup, TimeSpan bound)
        {
            DateTimeOffset now = _time.GetUtcNow();
            var entry = _entries.AddOrUpdate(key, _ => Start(lookup, now), (_, kept) => kept.IsUsable(now) ? kept : Start(lookup, now));
            try
            {
                return entry.Answer.Wait(bound) && entry.Answer is Task<IReadOnlyList<T>> answered ? answered.Result : Array.Empty<T>();
            }
            catch (AggregateException)
            {
                // Failed (or cancelled): forget it, unless a newer lookup already took its place.
                ((ICollection<KeyValuePair<string, Entry>>)_entries).Remove(new KeyValuePair<string, Entry>(key, entry));
                return Array.Empty<T>();
            }
        }

        private Entry Start<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> lookup, DateTimeOffset now)
        {
            var lifetime = new CancellationTokenSource(Lifetime);
            var answer = Task.Run(() => lookup(lifetime.Token), lifetime.Token);
            answer.ContinueWith(
                done =>
                {
                    _ = done.Exception; // observed: a failed lookup is not an unobserved task exception
                    lifetime.Dispose();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return new Entry(answer, now);
        }

        private sealed class Entry
        {
            public Entry(Task answer, DateTimeOffset started)
            {
                Answer = answer;
                Started = started;
            }

            public Task Answer { get; }

            public DateTimeOffset Started { get; }

            /// <summary>Still running, or answered recently; a failed one is never reused.</summary>
            public bool IsUsable(DateTimeOffset now) =>
                !Answer.IsFaulted && !Answer.IsCanceled && now - Started < Freshness;
        }
    }
}
