using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// After a create batch whose response was lost: lists the same parent's entities newest first
    /// (order=DESCENDING, every status), takes those created since the request was sent that match
    /// an item's name and fields, and answers as the lost response would have. Nothing matching →
    /// NotFound, so the request is sent again with the same key; some items matching → Found, with
    /// an error for the others (they were most likely rejected).
    /// </summary>
    public sealed class CreateReconciler<T> : IWriteReconciler
        where T : AdsEntity
    {
        /// <summary>How far an entity's created_time may precede the send (clocks differ).</summary>
        public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

        /// <summary>The most entities one reconcile reads before giving up on the rest.</summary>
        public const int MaxScanned = 1000;

        private readonly AdsResource<T> _resource;
        private readonly ISet<string> _taken;

        /// <param name="taken">Ids this run already returned: never adopted again for another item.</param>
        public CreateReconciler(AdsResource<T> resource, ISet<string>? taken = null)
        {
            _resource = resource;
            _taken = taken ?? new HashSet<string>(StringComparer.Ordinal);
        }

        public async Task<ReconcileResult> ReconcileAsync(ApiRequest request, DateTimeOffset sentAt, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            JsonElement[] items;
            using (var document = JsonDocument.Parse(request.Body ?? Array.Empty<byte>()))
            {
                items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray() : Array.Empty<JsonElement>();
            }

            if (request.AdAccountId is null || items.Length == 0)
            {
                return ReconcileResult.Unknown($"{request.DisplayPath} is not a create of {_resource.Collection} this reconciler understands.");
            }

            var found = await FindAsync(reader, request.AdAccountId, items, sentAt, observer, cancellationToken).ConfigureAwait(false);
            int matched = found.Count(f => f.HasValue);
            observer.Verbose($"{request.Operation}: {matched} of {items.Length} {_resource.Noun}(s) of the lost request were found.");
            return matched == 0
                ? ReconcileResult.NotFound($"no {_resource.Noun} created since {sentAt:u} matches the request")
                : ReconcileResult.Found(Synthesize(found), $"{matched} of {items.Length} {_resource.Noun}(s) found");
        }

        private async Task<JsonElement?[]> FindAsync(IApiReader reader, string adAccountId, JsonElement[] items, DateTimeOffset sentAt, ICallObserver observer, CancellationToken cancellationToken)
        {
            var found = new JsonElement?[items.Length];
            var parents = _resource.ParentField is string parentField
                ? items.Select(i => i.GetStringOrNull(parentField)).Where(p => p != null).Select(p => p!).Distinct(StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
            var list = ApiRequest.Get(_resource.CollectionPath(adAccountId), _resource.Operation("list"))
                .ForAdAccount(adAccountId)
                .WithQueryValues(_resource.ParentField + "s", parents)
                .WithQueryValues("entity_statuses", SpecValues.EntityStatuses.ToArray())
                .WithQuery("order", "DESCENDING");
            long cutoff = (sentAt - ClockSkew).ToUnixTimeSeconds();
            int scanned = 0;
            await foreach (var candidate in reader.ListAsync(list, Paginator.MaxPageSize, observer, cancellationToken).ConfigureAwait(false))
            {
                // Newest first: once entities predate the request, nothing older can be its result.
                if (candidate.GetInt64OrNull("created_time") is long created && created < cutoff)
                {
                    break;
                }

                string id = candidate.GetStringOrEmpty("id");
                for (int i = 0; i < items.Length && id.Length > 0 && !_taken.Contains(id); i++)
                {
                    if (!found[i].HasValue && BodyMatcher.Matches(items[i], candidate, _resource.IdentityFields))
                    {
                        found[i] = candidate;
                        _taken.Add(id);
                    }
                }

                if (found.All(f => f.HasValue) || ++scanned >= MaxScanned)
                {
                    break;
                }
            }

            return found;
        }

        private byte[] Synthesize(JsonElement?[] found)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("items");
                foreach (var entity in found)
                {
                    writer.WriteStartObject();
                    if (entity is JsonElement data)
                    {
                        writer.WritePropertyName("data");
                        data.WriteTo(writer);
                        writer.WriteStartArray("exceptions");
                        writer.WriteEndArray();
                    }
                    else
                    {
                        writer.WriteNull("data");
                        writer.WriteStartArray("exceptions");
                        writer.WriteStartObject();
                        writer.WriteString("message", $"the response was lost and no matching {_resource.Noun} was created, so Pinterest most likely rejected this item; run the command again for it to see why");
                        writer.WriteEndObject();
                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
