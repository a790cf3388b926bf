using System.Text.Json.Nodes;
using PinterestAds.Testing.OAuth;

namespace PinterestAds.Testing.Ads
{
    /// <summary>An ad account of the default user (spec <c>AdAccount</c>).</summary>
    internal sealed class AdAccountRecord
    {
        public AdAccountRecord(long id, string name, string currency, string country, long createdTime)
        {
            NumericId = id;
            Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Name = name;
            Currency = currency;
            Country = country;
            CreatedTime = createdTime;
        }

        public long NumericId { get; }

        public string Id { get; }

        public string Name { get; }

        public string Currency { get; }

        public string Country { get; }

        public long CreatedTime { get; }

        public JsonObject ToJson() => new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["owner"] = new JsonObject { ["username"] = DefaultUser.Username, ["id"] = DefaultUser.Id },
            ["country"] = Country,
            ["currency"] = Currency,
            ["permissions"] = new JsonArray("OWNER"),
            ["created_time"] = CreatedTime,
            ["updated_time"] = CreatedTime,
        };
    }
}
