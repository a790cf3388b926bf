using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// The id of an ad account, campaign, ad group or ad: 1 to 18 ASCII digits; of a pin, board or
    /// media upload: up to 20 (<see cref="ParseContentId"/>). The spec's
    /// <c>^\d+$</c> is read as [0-9]: .NET's <c>\d</c> and <c>char.IsDigit</c> also accept
    /// Arabic-Indic, Bengali or full-width digits, which Pinterest never issues. It is made once,
    /// where a user's text enters Core, so the paths and bodies built from it hold nothing else:
    /// no <c>../</c>, no digits of other scripts. <c>default(PinterestId)</c> is not an id.
    /// </summary>
    public readonly struct PinterestId : IEquatable<PinterestId>
    {
        public const int MaxLength = 18;

        /// <summary>
        /// The longest id of a pin, board or media upload. The spec gives those no length (only ad
        /// ids stop at 18), media ids already run to 19 digits, and 20 hold any unsigned 64-bit number.
        /// </summary>
        public const int MaxContentIdLength = 20;

        private readonly string? _digits;

        private PinterestId(string digits)
        {
            _digits = digits;
        }

        /// <summary>
        /// <paramref name="text"/> as an id, white space around it dropped (a CSV cell ' 123 ');
        /// anything else is an error that names <paramref name="parameter"/> and the rule.
        /// </summary>
        public static PinterestId Parse(string parameter, string? text) => Parse(parameter, text, MaxLength);

        /// <summary>Like <see cref="Parse(string, string?)"/>, for the id of a pin, board or media upload (up to <see cref="MaxContentIdLength"/> digits).</summary>
        public static PinterestId ParseContentId(string parameter, string? text) => Parse(parameter, text, MaxContentIdLength);

        /// <summary>Every text as an id; an empty list for null.</summary>
        public static PinterestId[] ParseAll(string parameter, IEnumerable<string>? texts) =>
            texts is null ? Array.Empty<PinterestId>() : texts.Select(t => Parse(parameter, t)).ToArray();

        public static bool operator ==(PinterestId left, PinterestId right) => left.Equals(right);

        public static bool operator !=(PinterestId left, PinterestId right) => !left.Equals(right);

        public bool Equals(PinterestId other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is PinterestId other && Equals(other);

        public override int GetHashCode() => _digits is null ? 0 : StringComparer.Ordinal.GetHashCode(_digits);

        /// <summary>The digits, as paths, query strings and bodies carry them.</summary>
        public override string ToString() => _digits ?? string.Empty;

        private static PinterestId Parse(string parameter, string? text, int maxLength)
        {
            string rule = $"ids are 1 to {maxLength} digits 0-9";
            string trimmed = text?.Trim() ?? string.Empty;
            if (trimmed.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"an id is required: {rule}.", text);
            }

            if (trimmed.Length > maxLength || !trimmed.All(IsAsciiDigit))
            {
                string script = trimmed.Any(c => char.IsDigit(c) && !IsAsciiDigit(c))
                    ? " It holds digits of another script (such as Arabic-Indic, Bengali or full-width digits); type them as 0-9."
                    : string.Empty;
                throw PinterestAdsException.InvalidArgument(parameter, $"'{text}' is not a Pinterest id: {rule}.{script}", text);
            }

            return new PinterestId(trimmed);
        }

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
    }
}
