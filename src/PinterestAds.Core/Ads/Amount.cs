using System;
using System.Globalization;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// A money amount as the user typed it, before any rule is checked. It can carry what a decimal
    /// cannot (NaN, infinity, text that is not a number), so the rules in <see cref="Micros"/> report
    /// those with the parameter's name instead of a binder's conversion error.
    /// </summary>
    public sealed class Amount
    {
        private Amount(decimal? amount, string text, string? problem)
        {
            Value = amount;
            Text = text;
            Problem = problem;
        }

        /// <summary>The amount, when the input was a number a decimal can hold.</summary>
        public decimal? Value { get; }

        /// <summary>The input as text, for messages.</summary>
        public string Text { get; }

        /// <summary>Why the input is not an amount (NaN, infinite, not a number); null when it is one.</summary>
        public string? Problem { get; }

        public static implicit operator Amount(decimal amount) => FromDecimal(amount);

        public static Amount FromDecimal(decimal amount) => new Amount(amount, amount.ToString(CultureInfo.InvariantCulture), null);

        public static Amount FromDouble(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.IsNaN(value))
            {
                return new Amount(null, "NaN", "NaN is not an amount; give a number such as 25.50.");
            }

            if (double.IsInfinity(value))
            {
                return new Amount(null, text, $"{text} is not an amount; give a finite number such as 25.50.");
            }

            try
            {
                // Shown as the decimal it became: -Bid 0.0000004 reads back as 0.0000004, not 4E-07.
                decimal amount = (decimal)value;
                return new Amount(amount, amount.ToString(CultureInfo.InvariantCulture), null);
            }
            catch (OverflowException)
            {
                return new Amount(null, text, $"{text} is far too large to be an amount.");
            }
        }

        /// <summary>Text as it arrives from CSV files and the command line; always read with the invariant culture.</summary>
        public static Amount FromText(string text)
        {
            string trimmed = text.Trim();
            if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal amount))
            {
                return new Amount(amount, trimmed, null);
            }

            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                return FromDouble(number);
            }

            return new Amount(null, trimmed, $"'{trimmed}' is not a number: use digits with a dot as the decimal separator, e.g. 25.50.");
        }

        /// <summary>
        /// Any value a caller may hand over: decimal, double, float, integers or text. Returns null
        /// for null and blank text (an empty CSV cell means "not given").
        /// </summary>
        public static Amount? From(object? value) => value switch
        {
            null => null,
            Amount amount => amount,
            decimal d => FromDecimal(d),
            double d => FromDouble(d),
            float f => FromDouble(f),
            string s when string.IsNullOrWhiteSpace(s) => null,
            string s => FromText(s),
            IConvertible c when IsInteger(c.GetTypeCode()) => FromDecimal(c.ToDecimal(CultureInfo.InvariantCulture)),
            _ => new Amount(null, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, $"a {value.GetType().Name} is not an amount; give a number such as 25.50."),
        };

        public override string ToString() => Text;

        private static bool IsInteger(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.UInt64;
    }
}
