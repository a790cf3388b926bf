namespace PinterestAds.Core.Pins
{
    /// <summary>The kinds of creative New-PinCreative makes (its -Type).</summary>
    public enum PinType
    {
        /// <summary>One image, by URL or from a JPEG or PNG file.</summary>
        Image,

        /// <summary>An uploaded video with a cover.</summary>
        Video,

        /// <summary>2 to 5 images people swipe through.</summary>
        Carousel,

        /// <summary>
        /// API v5 cannot create Idea Pins: the pages are mapped onto the nearest shape it can
        /// create (an image pin, a video pin or a carousel), and anything else is refused.
        /// </summary>
        IdeaPin,
    }
}
