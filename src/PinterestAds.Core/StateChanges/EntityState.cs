using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using PinterestAds.Core.Ads;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>What a snapshot keeps of a campaign, ad group or ad: enough to tell what changed.</summary>
    public sealed class EntityState
    {
        public AdsKind Kind { get; set; }

        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Status { get; set; }

        /// <summary>An ad's review status (PENDING, APPROVED, REJECTED, OTHER); null otherwise.</summary>
        public string? Review { get; set; }

        /// <summary>An ad's rejection reasons.</summary>
        public IReadOnlyList<string> Reasons { get; set; } = Array.Empty<string>();

        /// <summary>The key in a snapshot: ids of different kinds may coincide.</summary>
        [JsonIgnore]
        public string Key => Kind + ":" + Id;

        public static EntityState Of(AdsEntity entity) => new EntityState
        {
            Kind = entity.Kind,
            Id = entity.Id,
            Name = entity.Name,
            Status = entity.Status,
            Review = (entity as Ad)?.ReviewStatus,
            Reasons = (entity as Ad)?.RejectedReasons.ToArray() ?? Array.Empty<string>(),
        };
    }
}
