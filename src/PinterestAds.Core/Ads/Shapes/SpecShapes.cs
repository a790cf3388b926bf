using PinterestAds.Core.Ads.Values;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>The spec's nested objects that users give as hashtables, as checked shapes.</summary>
    public static class SpecShapes
    {
        private const string DigitsPattern = "^[0-9]{1,20}$";

        /// <summary>TrackingUrls: up to three http(s) URLs of at most 2,000 characters per event type.</summary>
        public static readonly ObjectShape TrackingUrls = new ObjectShape(
            "tracking_urls",
            (SpecValues.TrackingUrlKinds[0], UrlList()),
            (SpecValues.TrackingUrlKinds[1], UrlList()),
            (SpecValues.TrackingUrlKinds[2], UrlList()),
            (SpecValues.TrackingUrlKinds[3], UrlList()),
            (SpecValues.TrackingUrlKinds[4], UrlList()));

        /// <summary>TargetingSpec, with its rules across keys.</summary>
        public static readonly ObjectShape Targeting = new TargetingSpecShape();

        /// <summary>OptimizationGoalMetadata (required for WEB_CONVERSION campaigns' ad groups).</summary>
        public static readonly ObjectShape OptimizationGoalMetadata = new ObjectShape(
            "optimization_goal_metadata",
            ("conversion_tag_v3_goal_metadata", new ObjectShape(
                "conversion_tag_v3_goal_metadata",
                ("attribution_windows", new ObjectShape(
                    "attribution_windows",
                    ("click_window_days", new IntegerShape(0, 365)),
                    ("engagement_window_days", new IntegerShape(0, 365)),
                    ("view_window_days", new IntegerShape(0, 365)))),
                ("conversion_event", new StringShape(SpecValues.ConversionEvents)),
                ("conversion_tag_id", Digits("a conversion tag id (digits)")),
                ("cpa_goal_value_in_micro_currency", Digits("an amount in micro-units of the account currency (digits)")),
                ("is_roas_optimized", BooleanShape.Instance),
                ("learning_mode_type", new StringShape(SpecValues.LearningModeTypes)),
                ("reporting_event", new StringShape("^.{1,200}$", "an event name")))),
            ("frequency_goal_metadata", new ObjectShape(
                "frequency_goal_metadata",
                ("frequency", new IntegerShape(2, 20)),
                ("timerange", new StringShape(SpecValues.FrequencyTimeRanges)))),
            ("scrollup_goal_metadata", new ObjectShape(
                "scrollup_goal_metadata",
                ("scrollup_goal_value_in_micro_currency", Digits("an amount in micro-units of the account currency (digits)")))));

        internal static StringShape Digits(string description) => new StringShape(DigitsPattern, description);

        private static ArrayShape UrlList() =>
            new ArrayShape(new StringShape(@"^https?://\S+$", "an http or https URL of at most 2,000 characters", TextCase.AsGiven, 2000), 3);
    }
}
