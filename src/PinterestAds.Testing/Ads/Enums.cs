namespace PinterestAds.Testing.Ads
{
    /// <summary>Enum values copied from openapi.json (5.23.0) for the fields the server validates.</summary>
    internal static class Enums
    {
        public static readonly string[] EntityStatus = { "ACTIVE", "PAUSED", "ARCHIVED", "DRAFT", "DELETED_DRAFT" };

        public static readonly string[] ObjectiveType = { "AWARENESS", "CONSIDERATION", "WEB_CONVERSION", "CATALOG_SALES", "VIDEO_COMPLETION" };

        public static readonly string[] ActionType = { "CLICKTHROUGH", "IMPRESSION", "VIDEO_V_50_MRC" };

        public static readonly string[] BudgetType = { "DAILY", "LIFETIME", "CBO_ADGROUP" };

        public static readonly string[] BidStrategyType = { "AUTOMATIC_BID", "MAX_BID", "TARGET_AVG" };

        public static readonly string[] PacingDeliveryType = { "STANDARD", "ACCELERATED" };

        public static readonly string[] PlacementGroupType = { "ALL", "SEARCH", "BROWSE", "OTHER" };

        public static readonly string[] CreativeType =
        {
            "REGULAR", "VIDEO", "SHOPPING", "CAROUSEL", "MAX_VIDEO", "SHOP_THE_PIN", "COLLECTION", "IDEA", "SHOWCASE",
            "QUIZ", "COLLAGE", "MAX_WIDTH_REGULAR_COLLECTION", "MAX_WIDTH_VIDEO_COLLECTION",
        };

        public static readonly string[] CustomizableCtaType =
        {
            "GET_OFFER", "LEARN_MORE", "ORDER_NOW", "SHOP_NOW", "SIGN_UP", "SUBSCRIBE", "BUY_NOW", "CONTACT_US", "GET_QUOTE",
            "VISIT_SITE", "APPLY_NOW", "BOOK_NOW", "REQUEST_DEMO", "REGISTER_NOW", "FIND_A_DEALER", "ADD_TO_CART", "WATCH_NOW",
            "READ_MORE", "BUY_TICKETS", "DONATE_NOW", "DOWNLOAD", "EXPLORE_MORE", "FIND_A_LOCATION", "GET_DEAL", "GET_RECIPE",
            "GET_SHOWTIMES", "ON_SALE", "PLAY_GAME", "TRY_IT",
        };

        public static readonly string[] DisclosureType =
        {
            "NO_DISCLOSURE", "PRESCRIBING_INFORMATION", "PRESCRIBING_INFORMATION_BOX_WARNING", "IMPORTANT_SAFETY_INFO", "MED_GUIDE", "PATIENT_INFORMATION",
        };

        public static readonly string[] ReviewStatus = { "OTHER", "PENDING", "REJECTED", "APPROVED" };

        /// <summary>AdResponse.rejected_reasons items.</summary>
        public static readonly string[] RejectedReason =
        {
            "HASHTAGS", "PROMOTIONS_AND_PRICES", "TARGETING", "LANDING_PAGE", "CAPS_AND_SYMBOLS", "SHOCKING", "WEIGHT_LOSS",
            "PROHIBITED_PRODUCT", "AUTHENTICITY", "NUDITY", "CONFUSING_DESIGN", "URGENCY", "RATINGS", "APP", "ALCOHOL", "CONTESTS",
            "POLITICAL", "OTHER", "IMAGE", "NAR", "INCONSISTENT", "CLICKBAIT", "NO_DESCRIPTION", "LOW_QUALITY", "EXAGGERATED_CLAIMS",
            "PINTEREST_BRAND", "ALCOHOL_NO_SALE", "LANDING_PAGE_SPEED", "LANDING_PAGE_HARDWALL", "LANDING_PAGE_BROKEN",
            "LANDING_PAGE_QUALITY", "OUT_OF_STOCK", "IMAGE_LOW_QUALITY", "IMAGE_BUSY", "IMAGE_POORLY_EDITED", "IMAGE_BEFORE_AFTER",
            "UGC", "FAKE_BUTTONS", "WEAPONS", "SENSITIVE", "UNACCEPTABLE_BUSINESS", "SUSPICIOUS_CLAIMS", "PHARMA",
            "SUSPICIOUS_SUPPLEMENTS", "ILLEGAL_RECREATIONAL_DRUG", "LOW_QUALITY_LANDING_PAGE", "RESTRICTED_HEALTHCARE", "INCONSISTENT_LANG_FR",
        };

        public static readonly string[] Currency =
        {
            "UNK", "USD", "GBP", "CAD", "EUR", "AUD", "NZD", "SEK", "ILS", "CHF", "HKD", "JPY", "SGD", "KRW", "NOK", "DKK",
            "PLN", "RON", "HUF", "CZK", "BRL", "MXN", "ARS", "CLP", "COP", "INR", "TRY",
        };
    }
}
