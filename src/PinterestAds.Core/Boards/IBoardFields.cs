namespace PinterestAds.Core.Boards
{
    /// <summary>
    /// A new board's fields, named after New-PinBoard's parameters (which implement this), so
    /// <see cref="BoardRequests"/> names them in errors with <c>nameof</c>. Null is "not given".
    /// </summary>
    public interface IBoardFields
    {
        string? Name { get; }

        string? Description { get; }

        /// <summary>PUBLIC (Pinterest's default), PROTECTED or SECRET.</summary>
        string? Privacy { get; }

        /// <summary>An "Ad-only Pins" board; Pinterest then names it so and makes it PROTECTED.</summary>
        bool? AdsOnly { get; }
    }
}
