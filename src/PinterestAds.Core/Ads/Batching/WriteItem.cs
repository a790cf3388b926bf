using System.Text.Json.Nodes;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Idempotency;

namespace PinterestAds.Core.Ads.Batching
{
    /// <summary>POST (create) or PATCH (update) of a collection.</summary>
    public enum WriteKind
    {
        Create,
        Update,
    }

    /// <summary>One checked item waiting to go out in a batch.</summary>
    public sealed class WriteItem
    {
        public WriteItem(PinterestId adAccountId, JsonObject body, object? target, string? idempotencyKey = null)
        {
            AdAccountId = adAccountId;
            Body = body;
            Target = target;
            IdempotencyKey = idempotencyKey is null ? null : IdempotencyKeys.Validate(idempotencyKey);
        }

        public PinterestId AdAccountId { get; }

        /// <summary>The array element to send, already validated (see CampaignRequests and friends).</summary>
        public JsonObject Body { get; }

        /// <summary>The input the item came from; errors about the item name it as their target.</summary>
        public object? Target { get; }

        /// <summary>The caller's -IdempotencyKey for this item, if any (checked: printable ASCII, at most 255 characters).</summary>
        public string? IdempotencyKey { get; }
    }

    /// <summary>What became of one item: the entity Pinterest returned, or the error about it.</summary>
    public sealed class WriteOutcome<T>
        where T : AdsEntity
    {
        internal WriteOutcome(object? target, T? result, PinterestAdsException? error)
        {
            Target = target;
            Result = result;
            Error = error;
        }

        /// <summary>The input the item came from: the target of an error about it (the error itself may be shared by a whole batch).</summary>
        public object? Target { get; }

        /// <summary>Null when the item failed, or when results were not asked for.</summary>
        public T? Result { get; }

        public PinterestAdsException? Error { get; }
    }
}
