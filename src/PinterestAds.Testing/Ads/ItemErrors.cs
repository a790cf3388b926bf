using System.Collections.Generic;

namespace PinterestAds.Testing.Ads
{
    /// <summary>A batch item's exceptions (<c>{code, message}</c>); any error means the item is not written.</summary>
    internal sealed class ItemErrors
    {
        /// <summary>Invalid parameter (spec code 1).</summary>
        public const int InvalidParameter = 1;

        /// <summary>Negative money (spec example: "Bid in micro currency should be non-negative").</summary>
        public const int NegativeAmount = 6;

        /// <summary>A referenced or updated entity does not exist in this ad account.</summary>
        public const int NotFound = 404;

        private readonly List<KeyValuePair<int, string>> _errors = new List<KeyValuePair<int, string>>();

        public bool Any => _errors.Count > 0;

        public IReadOnlyList<KeyValuePair<int, string>> All => _errors;

        public void Add(int code, string message) => _errors.Add(new KeyValuePair<int, string>(code, message));

        public void Invalid(string message) => Add(InvalidParameter, message);

        public static ItemErrors Single(int code, string message)
        {
            var errors = new ItemErrors();
            errors.Add(code, message);
            return errors;
        }
    }
}
