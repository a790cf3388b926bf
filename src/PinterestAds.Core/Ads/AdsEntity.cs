using System;
using System.Collections.Generic;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// What campaigns, ad groups and ads share: ids, name, statuses, times and the currency every
    /// amount of the ad account is in.
    /// </summary>
    public abstract class AdsEntity
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string AdAccountId { get; set; } = string.Empty;

        /// <summary>The status set on the entity (EntityStatus): ACTIVE, PAUSED, ARCHIVED, DRAFT, DELETED_DRAFT.</summary>
        public string? Status { get; set; }

        /// <summary>Pinterest's summary of whether it delivers (RUNNING, NOT_STARTED, COMPLETED, APPROVED, …).</summary>
        public string? SummaryStatus { get; set; }

        /// <summary>ISO 4217 code of the ad account's currency; null when it could not be read.</summary>
        public string? Currency { get; set; }

        public IReadOnlyDictionary<string, object?>? TrackingUrls { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreatedTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? UpdatedTime { get; set; }

        public abstract AdsKind Kind { get; }

        /// <summary>The id of this entity or of its parent at <paramref name="kind"/>; null for levels below it.</summary>
        public virtual string? IdOf(AdsKind kind) => kind == Kind ? Id : null;

        public override string ToString() => $"{Name} ({Id})";

        protected void ReadCommon(JsonElement json, string adAccountId, string? currency)
        {
            Id = json.GetStringOrEmpty("id");
            Name = json.GetStringOrNull("name");
            AdAccountId = json.GetStringOrNull("ad_account_id") ?? adAccountId;
            Status = json.GetStringOrNull("status");
            SummaryStatus = json.GetStringOrNull("summary_status");
            Currency = currency;
            TrackingUrls = JsonPlain.ObjectOrNull(json, "tracking_urls");
            CreatedTime = UnixTime.ToDateTime(json.GetInt64OrNull("created_time"));
            UpdatedTime = UnixTime.ToDateTime(json.GetInt64OrNull("updated_time"));
        }

        /// <summary>"25.50 USD daily": an amount with its currency, for tables.</summary>
        protected string? Describe(decimal? amount, string? suffix = null) =>
            CurrencyText.Format(amount, Currency) is string text ? (suffix is null ? text : text + " " + suffix) : null;
    }
}
