using System.Collections.Generic;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// The one list of a creative's fields, named after New-PinCreative's parameters (which
    /// implement this), so <see cref="CreativeRequests"/> names them in errors with <c>nameof</c>.
    /// Null is "not given".
    /// </summary>
    public interface ICreativeFields
    {
        PinType Type { get; }

        string? BoardId { get; }

        string? Title { get; }

        string? Description { get; }

        string? Link { get; }

        string? AltText { get; }

        string? ImageUrl { get; }

        string? ImagePath { get; }

        string? MediaId { get; }

        string? VideoPath { get; }

        string? CoverImageUrl { get; }

        string? CoverImagePath { get; }

        int? CoverKeyFrameTime { get; }

        /// <summary>Carousel slides: dictionaries with ImageUrl or ImagePath, and Title, Description, Link.</summary>
        IReadOnlyList<object?>? Slide { get; }

        /// <summary>Idea Pin pages: dictionaries with ImageUrl, ImagePath, VideoPath or MediaId, and Title, Description, Link.</summary>
        IReadOnlyList<object?>? Page { get; }
    }

    /// <summary>
    /// Turns a path as the user typed it into a full file-system path (PowerShell resolves it
    /// against its own current location); a path it cannot resolve is an error naming <paramref name="parameter"/>.
    /// </summary>
    public delegate string PathResolver(string parameter, string path);
}
