using System;
using System.Globalization;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// Pinterest keeps every budget, bid and spend cap as an integer number of micro-units of the ad
    /// account's currency (1 unit = 1,000,000 micros). Amounts are converted here and nowhere else.
    /// </summary>
    public static class Micros
    {
        public const decimal PerUnit = 1_000_000m;

        /// <summary>
        /// The largest amount accepted: one trillion units (10^18 micros) stays well inside a 64-bit
        /// integer and above any real budget in any of Pinterest's currencies.
        /// </summary>
        public const decimal MaxAmount = 1_000_000_000_000m;

        /// <summary>
        /// Converts an amount to micros, rounding half away from zero (12.3456785 → 12345679,
        /// 0.0000005 → 1). Negative, non-finite and over-range amounts are refused with an error
        /// that names <paramref name="parameter"/>, and so is a positive amount too small to be
        /// one micro (0.0000004): sending 0 would be a bid or budget of nothing, not what was asked.
        /// </summary>
        public static long FromAmount(string parameter, Amount input)
        {
            if (input is null)
            {
                throw new System.ArgumentNullException(nameof(input));
            }

            if (input.Problem != null || input.Value is not decimal amount)
            {
                throw PinterestAdsException.InvalidArgument(parameter, input.Problem ?? "no amount was given.", input.Text);
            }

            if (amount < 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{input.Text} is negative; amounts must be zero or more.", input.Text);
            }

            if (amount > MaxAmount)
            {
                throw PinterestAdsException.InvalidArgument(
                    parameter,
                    string.Format(CultureInfo.InvariantCulture, "{0} is out of range; the largest amount accepted is {1:#,0} (Pinterest stores amounts as 64-bit micro-units).", input.Text, MaxAmount),
                    input.Text);
            }

            long micros = (long)decimal.Round(amount * PerUnit, 0, MidpointRounding.AwayFromZero);
            if (micros == 0 && amount > 0)
            {
                throw PinterestAdsException.InvalidArgument(
                    parameter,
                    $"{input.Text} is less than one micro-unit (0.0000005 or more rounds to 0.000001; Pinterest stores amounts in millionths), so it would be sent as 0; give 0 or a larger amount.",
                    input.Text);
            }

            return micros;
        }

        public static decimal ToAmount(long micros) => micros / PerUnit;

        public static decimal? ToAmount(long? micros) => micros is long value ? ToAmount(value) : null;
    }
}
