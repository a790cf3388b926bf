using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>
    /// Builds one item of a create or update array: every value is checked against its rule first,
    /// and a field is written only when it was given. Errors name the PowerShell parameter.
    /// </summary>
    internal sealed class BodyBuilder
    {
        public JsonObject Body { get; } = new JsonObject();

        /// <summary>How many fields besides ids were written.</summary>
        public int FieldCount { get; private set; }

        /// <summary>An id checked where it entered Core.</summary>
        public BodyBuilder Id(string field, PinterestId id)
        {
            Body[field] = id.ToString();
            return this;
        }

        /// <summary>A field that holds an id (order_line_id): checked here, where the field is read.</summary>
        public BodyBuilder Id(string field, string parameter, string? value) =>
            value is null ? this : Set(field, JsonValue.Create(PinterestId.Parse(parameter, value).ToString()));

        public BodyBuilder Text(string field, string parameter, string? value, int maxLength = int.MaxValue)
        {
            if (value is null)
            {
                return this;
            }

            if (value.Trim().Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, "must not be empty.", value);
            }

            if (value.Length > maxLength)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"is {value.Length} characters long; at most {maxLength} are allowed.", value);
            }

            return Set(field, JsonValue.Create(value));
        }

        public BodyBuilder Enum(string field, string parameter, string? value, IReadOnlyList<string> allowed) =>
            value is null ? this : Set(field, JsonValue.Create(EnumValues.Require(parameter, value, allowed)));

        public BodyBuilder Money(string field, string parameter, Amount? value) =>
            value is Amount amount ? Set(field, JsonValue.Create(Micros.FromAmount(parameter, amount))) : this;

        public BodyBuilder Flag(string field, bool? value) => Set(field, JsonValue.Create(value));

        public BodyBuilder Number(string field, string parameter, int? value, int minimum)
        {
            if (value is int number && number < minimum)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{number} is below the minimum of {minimum}.", number);
            }

            return Set(field, JsonValue.Create(value));
        }

        public BodyBuilder Url(string field, string parameter, string? value, bool webOnly) =>
            value is null ? this : Set(field, JsonValue.Create(CheckUrl(parameter, value, webOnly)));

        /// <summary>
        /// <paramref name="value"/>, trimmed, when it is an absolute URI of at most 2,048 characters
        /// (http or https with <paramref name="webOnly"/>); otherwise an error naming the parameter.
        /// </summary>
        /// <param name="where">Where in the parameter the value is, e.g. "slide 2: Link "; empty for the parameter itself.</param>
        public static string CheckUrl(string parameter, string value, bool webOnly, string where = "")
        {
            bool valid = Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
                && (!webOnly || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            if (!valid || value.Length > 2048)
            {
                string expected = webOnly ? "an absolute http or https URL" : "an absolute URI such as myapp://product/42";
                throw PinterestAdsException.InvalidArgument(parameter, $"{where}'{value}' is not {expected} of at most 2,048 characters.", value);
            }

            return value.Trim();
        }

        public BodyBuilder Shaped(string field, string parameter, object? value, Shape shape) =>
            value is null ? this : Set(field, shape.Convert(value, parameter, string.Empty));

        /// <summary>start_time / end_time as Unix seconds; the end must come after the start.</summary>
        public BodyBuilder Schedule(string startParameter, DateTime? start, string endParameter, DateTime? end)
        {
            long? startSeconds = UnixTime.FromDateTime(startParameter, start);
            long? endSeconds = UnixTime.FromDateTime(endParameter, end);
            if (startSeconds is long s && endSeconds is long e && e <= s)
            {
                throw PinterestAdsException.InvalidArgument(endParameter, $"must be after -{startParameter}.", end);
            }

            return Set("start_time", JsonValue.Create(startSeconds)).Set("end_time", JsonValue.Create(endSeconds));
        }

        /// <summary>Money fields that exclude each other (a campaign's daily and lifetime spend caps).</summary>
        public BodyBuilder OneOf(string firstParameter, Amount? first, string secondParameter, Amount? second, string rule)
        {
            if (first != null && second != null)
            {
                throw PinterestAdsException.InvalidArgument(secondParameter, $"cannot be given together with -{firstParameter}: {rule}", second);
            }

            return this;
        }

        public void Require(string parameter, bool given, string what)
        {
            if (!given)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"is required to {what}.");
            }
        }

        /// <summary>An update must change something besides its ids.</summary>
        public JsonObject RequireChanges(string what, PinterestId id, params string[] examples)
        {
            if (FieldCount == 0)
            {
                throw new PinterestAdsException(
                    "nothingToUpdate",
                    FailureKind.InvalidArgument,
                    $"Nothing to change for {what} {id}: give at least one property to change, such as " + string.Join(", ", examples.Select(e => "-" + e)) + ".",
                    "Add the properties to change to the command and run it again.")
                { Target = id.ToString() };
            }

            return Body;
        }

        private BodyBuilder Set(string field, JsonNode? value)
        {
            if (value is null)
            {
                return this;
            }

            Body[field] = value;
            FieldCount++;
            return this;
        }
    }
}
