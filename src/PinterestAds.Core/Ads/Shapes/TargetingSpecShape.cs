using System.Globalization;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>
    /// The spec's <c>targeting_spec</c>: every key and every value checked (enumerations such as
    /// GENDER, APPTYPE and AGE_BUCKET; the shapes of LOCATION, GEO and LOCALE codes; ids), plus the
    /// rules the spec states across keys.
    /// </summary>
    public sealed class TargetingSpecShape : ObjectShape
    {
        private const string AgePattern = "^(1[89]|[2-5][0-9]|6[0-5])$";

        public TargetingSpecShape()
            : base(
                "targeting_spec",
                ("AGE_BUCKET", new ArrayShape(new StringShape(SpecValues.AgeBuckets))),
                ("APPTYPE", new ArrayShape(new StringShape(SpecValues.AppTypes))),
                ("AUDIENCE_EXCLUDE", new ArrayShape(SpecShapes.Digits("a customer list id (digits)"))),
                ("AUDIENCE_INCLUDE", new ArrayShape(SpecShapes.Digits("a customer list id (digits)"))),
                ("GENDER", new ArrayShape(new StringShape(SpecValues.Genders))),
                ("GEO", new ArrayShape(new StringShape("^[A-Z]{2}-[A-Z0-9][A-Z0-9 ]{0,11}$", "a region code such as BE-VOV or a postal code such as US-94107", TextCase.Upper))),
                ("INTEREST", new ArrayShape(SpecShapes.Digits("an interest id (digits)"))),
                ("LOCALE", new ArrayShape(new StringShape("^[a-z]{2}$", "a two-letter ISO 639-1 language code such as en", TextCase.Lower))),
                ("LOCATION", new ArrayShape(new StringShape("^([A-Z]{2}|[0-9]{3})$", "a two-letter country code such as US or a three-digit US metro (DMA) code such as 807", TextCase.Upper))),
                ("MAXIMUM_AGE", new StringShape("^((1[89]|[2-5][0-9]|6[0-5])|65\\+)$", "an age from 18 to 65, or 65+")),
                ("MINIMUM_AGE", new StringShape(AgePattern, "an age from 18 to 65")),
                ("SHOPPING_RETARGETING", new ArrayShape(new ObjectShape(
                    "SHOPPING_RETARGETING",
                    ("lookback_window", new IntegerShape(0, 1000)),
                    ("exclusion_window", new IntegerShape(0, 1000)),
                    ("tag_types", new ArrayShape(new IntegerShape(0, int.MaxValue)))))),
                ("TARGETING_STRATEGY", new ArrayShape(new StringShape(SpecValues.TargetingStrategies))))
        {
        }

        protected override void CheckRules(JsonObject result, string parameter, string path)
        {
            bool hasMinimum = result.ContainsKey("MINIMUM_AGE");
            bool hasMaximum = result.ContainsKey("MAXIMUM_AGE");
            if (hasMinimum != hasMaximum)
            {
                throw Rule(parameter, path, "MINIMUM_AGE and MAXIMUM_AGE must be given together.");
            }

            if (hasMinimum && result.ContainsKey("AGE_BUCKET"))
            {
                throw Rule(parameter, path, "AGE_BUCKET cannot be combined with MINIMUM_AGE/MAXIMUM_AGE; use one or the other.");
            }

            if (hasMinimum && Age(result["MINIMUM_AGE"]) > Age(result["MAXIMUM_AGE"]))
            {
                throw Rule(parameter, path, "MINIMUM_AGE must not be above MAXIMUM_AGE.");
            }

            if (!result.ContainsKey("LOCATION") && !result.ContainsKey("GEO"))
            {
                throw Rule(parameter, path, "give LOCATION (countries or US metro codes) or GEO (regions or postal codes); Pinterest requires at least one of them.");
            }
        }

        private static int Age(JsonNode? node) => int.Parse(node!.GetValue<string>().TrimEnd('+'), CultureInfo.InvariantCulture);

        private static PinterestAdsException Rule(string parameter, string path, string rule) =>
            PinterestAdsException.InvalidArgument(parameter, Prefix(path) + rule);
    }
}
