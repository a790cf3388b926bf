using System.Collections.Generic;

namespace PinterestAds.Core.Ads.Values
{
    /// <summary>
    /// Enumerations copied from Pinterest's OpenAPI description (v5, release 5.23.0). A unit test
    /// compares every list with the spec file, so a spec update that changes one fails loudly.
    /// </summary>
    public static class SpecValues
    {
        /// <summary>EntityStatus.</summary>
        public static readonly IReadOnlyList<string> EntityStatuses = new[] { "ACTIVE", "PAUSED", "ARCHIVED", "DRAFT", "DELETED_DRAFT" };

        /// <summary>ObjectiveType (WEB_SESSIONS and VIDEO_VIEW are deprecated and gone from the enum).</summary>
        public static readonly IReadOnlyList<string> ObjectiveTypes = new[] { "AWARENESS", "CONSIDERATION", "WEB_CONVERSION", "CATALOG_SALES", "VIDEO_COMPLETION" };

        /// <summary>ActionType: an ad group's billable event.</summary>
        public static readonly IReadOnlyList<string> BillableEvents = new[] { "CLICKTHROUGH", "IMPRESSION", "VIDEO_V_50_MRC" };

        /// <summary>BudgetType.</summary>
        public static readonly IReadOnlyList<string> BudgetTypes = new[] { "DAILY", "LIFETIME", "CBO_ADGROUP" };

        /// <summary>AdGroupCommon.bid_strategy_type (titled BidStrategyType).</summary>
        public static readonly IReadOnlyList<string> BidStrategyTypes = new[] { "AUTOMATIC_BID", "MAX_BID", "TARGET_AVG" };

        /// <summary>PacingDeliveryType.</summary>
        public static readonly IReadOnlyList<string> PacingDeliveryTypes = new[] { "STANDARD", "ACCELERATED" };

        /// <summary>PlacementGroupType.</summary>
        public static readonly IReadOnlyList<string> PlacementGroups = new[] { "ALL", "SEARCH", "BROWSE", "OTHER" };

        /// <summary>CreativeType.</summary>
        public static readonly IReadOnlyList<string> CreativeTypes = new[]
        {
            "REGULAR", "VIDEO", "SHOPPING", "CAROUSEL", "MAX_VIDEO", "SHOP_THE_PIN", "COLLECTION", "IDEA", "SHOWCASE", "QUIZ",
            "COLLAGE", "MAX_WIDTH_REGULAR_COLLECTION", "MAX_WIDTH_VIDEO_COLLECTION",
        };

        /// <summary>CustomizableCTAType (nullable in the spec; null means "no button").</summary>
        public static readonly IReadOnlyList<string> CallToActionTypes = new[]
        {
            "GET_OFFER", "LEARN_MORE", "ORDER_NOW", "SHOP_NOW", "SIGN_UP", "SUBSCRIBE", "BUY_NOW", "CONTACT_US", "GET_QUOTE",
            "VISIT_SITE", "APPLY_NOW", "BOOK_NOW", "REQUEST_DEMO", "REGISTER_NOW", "FIND_A_DEALER", "ADD_TO_CART", "WATCH_NOW",
            "READ_MORE", "BUY_TICKETS", "DONATE_NOW", "DOWNLOAD", "EXPLORE_MORE", "FIND_A_LOCATION", "GET_DEAL", "GET_RECIPE",
            "GET_SHOWTIMES", "ON_SALE", "PLAY_GAME", "TRY_IT",
        };

        /// <summary>TrackingUrls properties.</summary>
        public static readonly IReadOnlyList<string> TrackingUrlKinds = new[] { "impression", "click", "engagement", "buyable_button", "audience_verification" };

        /// <summary>TargetingSpecAgeBucket.</summary>
        public static readonly IReadOnlyList<string> AgeBuckets = new[] { "18-24", "19+", "20+", "21+", "25-34", "35-44", "45-49", "50-54", "55-64", "65+" };

        /// <summary>TargetingSpecAppType.</summary>
        public static readonly IReadOnlyList<string> AppTypes = new[] { "android_mobile", "android_tablet", "ipad", "iphone", "web", "web_mobile" };

        /// <summary>TargetingSpecGender.</summary>
        public static readonly IReadOnlyList<string> Genders = new[] { "unknown", "male", "female" };

        /// <summary>TargetingSpec.TARGETING_STRATEGY items.</summary>
        public static readonly IReadOnlyList<string> TargetingStrategies = new[] { "CHOOSE_YOUR_OWN", "FIND_NEW_CUSTOMERS", "RECONNECT_WITH_USERS" };

        /// <summary>conversion_tag_v3_goal_metadata.conversion_event.</summary>
        public static readonly IReadOnlyList<string> ConversionEvents = new[] { "PAGE_VISIT", "SIGNUP", "CHECKOUT", "CUSTOM", "VIEW_CATEGORY", "SEARCH", "ADD_TO_CART", "WATCH_VIDEO", "LEAD", "APP_INSTALL" };

        /// <summary>ConversionLearningModeType.</summary>
        public static readonly IReadOnlyList<string> LearningModeTypes = new[] { "NOT_ACTIVE", "ACTIVE" };

        /// <summary>frequency_goal_metadata.timerange.</summary>
        public static readonly IReadOnlyList<string> FrequencyTimeRanges = new[] { "THIRTY_DAY", "DAY", "SEVEN_DAY", "TWENTY_MINUTE", "TEN_MINUTE", "TWENTY_FOUR_HOUR" };
    }
}
