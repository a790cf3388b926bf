using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Experiments.Statistics;
using PinterestAds.Core.Reports;

namespace PinterestAds.PowerShell.Reports
{
    /// <summary>
    /// What Export-PinReport reads from each piped object, by the DESIGN property names: an analytics
    /// row (PinterestAds.AnalyticsRow: Level, Id, Date, Spend, Currency, SpendUsd, UsdRate,
    /// Impressions, Clicks, Conversions, and a Name if the object has one) or an experiment result
    /// (PinterestAds.VariantResult: Experiment, Variant, Metric, IsControl, Status, Rate, RateLow,
    /// RateHigh, Lift, AdjustedPValue, Verdict). Objects read back from CSV or CliXml work as well:
    /// values are converted the way PowerShell converts them, text with the invariant culture.
    /// </summary>
    internal static class ReportInput
    {
        private static readonly string[] RowProperties = { "Level", "Id", "Spend", "Impressions", "Clicks" };

        private static readonly string[] ResultProperties = { "Experiment", "Variant" };

        /// <summary>Adds <paramref name="input"/> to <paramref name="content"/>; an object that is neither is an error naming what it lacks.</summary>
        public static void Add(ReportContent content, PSObject input)
        {
            if (input.BaseObject is VariantResult result)
            {
                content.Add(result);
            }
            else if (Has(input, ResultProperties))
            {
                content.Add(Variant(input));
            }
            else if (Has(input, RowProperties))
            {
                content.Add(Row(input));
            }
            else
            {
                var missing = RowProperties.Where(p => input.Properties[p] is null).ToArray();
                throw Invalid(
                    input,
                    $"it is neither an analytics row (from Get-PinAnalytics: it lacks {string.Join(", ", missing)}) nor an experiment result (from Get-PinExperimentResult: Experiment and Variant).");
            }
        }

        private static ReportRow Row(PSObject input)
        {
            decimal spend = Value<decimal>(input, "Spend") ?? 0m;
            string? currency = Text(input, "Currency");
            return new ReportRow
            {
                Level = Text(input, "Level")!,
                EntityId = Text(input, "Id")!,
                EntityName = Text(input, "Name") ?? Text(input, "EntityName"),
                Date = Value<DateTime>(input, "Date"),
                Spend = spend,
                Currency = currency,
                SpendUsd = Value<decimal>(input, "SpendUsd") ?? InUsd(input, spend, currency),
                Impressions = Value<long>(input, "Impressions") ?? 0,
                Clicks = Value<long>(input, "Clicks") ?? 0,
                Conversions = Value<long>(input, "Conversions") ?? 0,
            };
        }

        private static ReportVariant Variant(PSObject input) => new ReportVariant
        {
            Experiment = Text(input, "Experiment")!,
            Variant = Text(input, "Variant")!,
            Metric = Value<ExperimentMetric>(input, "Metric") ?? ExperimentMetric.Ctr,
            IsControl = Value<bool>(input, "IsControl") ?? false,
            Status = Text(input, "Status"),
            Rate = Value<double>(input, "Rate"),
            RateLow = Value<double>(input, "RateLow"),
            RateHigh = Value<double>(input, "RateHigh"),
            Lift = Value<double>(input, "Lift"),
            AdjustedPValue = Value<double>(input, "AdjustedPValue"),
            Verdict = Value<ExperimentVerdict>(input, "Verdict") ?? ExperimentVerdict.Inconclusive,
        };

        /// <summary>Spend in US dollars for a row without SpendUsd: through its UsdRate, or as it is when it is in dollars.</summary>
        private static decimal InUsd(PSObject input, decimal spend, string? currency)
        {
            if (Value<decimal>(input, "UsdRate") is decimal rate)
            {
                return spend * rate;
            }

            if (currency is null || string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
            {
                return spend;
            }

            throw Invalid(input, $"its Spend is in {currency}, and it has neither SpendUsd nor UsdRate to add it up with other currencies; pipe the rows of Get-PinAnalytics, which have both.");
        }

        private static bool Has(PSObject input, string[] names) => names.All(n => input.Properties[n] is not null);

        private static string? Text(PSObject input, string name) =>
            Unwrap(input.Properties[name]?.Value) is object value && Convert.ToString(value, CultureInfo.InvariantCulture) is string text && text.Trim().Length > 0 ? text.Trim() : null;

        /// <summary>The property as <typeparamref name="T"/>; null when absent or blank, an error naming it when it does not convert.</summary>
        private static T? Value<T>(PSObject input, string name)
            where T : struct
        {
            object? value = Unwrap(input.Properties[name]?.Value);
            if (value is null || (value is string blank && blank.Trim().Length == 0))
            {
                return null;
            }

            // PowerShell reads any non-empty text as $true; a CSV cell says True or False.
            if (typeof(T) == typeof(bool) && value is string flag)
            {
                return bool.TryParse(flag.Trim(), out bool parsed) ? (T)(object)parsed : throw Invalid(input, $"its {name} '{flag}' is not True or False.");
            }

            try
            {
                return (T)LanguagePrimitives.ConvertTo(value is string text ? text.Trim() : value, typeof(T), CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException)
            {
                throw Invalid(input, $"its {name} '{value}' is not a {Describe(typeof(T))}.");
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Describe(Type type) => type == typeof(DateTime) ? "date" : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type)) : "number";

        private static PinterestAdsException Invalid(PSObject input, string problem) =>
            new PinterestAdsException(
                "reportInputInvalid",
                FailureKind.InvalidArgument,
                $"Export-PinReport cannot use this input: {problem} The report is written without it.",
                "Pipe the output of Get-PinAnalytics or Get-PinExperimentResult (or CSV files of them) to Export-PinReport.")
            { Target = input };
    }
}
