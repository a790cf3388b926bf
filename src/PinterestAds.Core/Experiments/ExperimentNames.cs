using System;
using System.Linq;
using System.Text.RegularExpressions;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Experiments
{
    /// <summary>
    /// How an ad group's name carries its experiment and variant, so that the experiment lives in
    /// Pinterest alone and any machine rebuilds it from a list of ad groups:
    /// <c>[Experiment: Spring hero] Control: Studio shot</c> for the control,
    /// <c>[Experiment: Spring hero] Variant: Lifestyle</c> for a treatment. A person reads it in Ads
    /// Manager as it is; the first <c>]</c> ends the experiment's name, which therefore holds no
    /// brackets, and the variant's name is the rest.
    /// </summary>
    public static class ExperimentNames
    {
        /// <summary>
        /// The longest ad group name Pinterest takes. Counted in UTF-16 code units, which is never
        /// fewer than the characters Pinterest counts, so a name that passes here fits there.
        /// </summary>
        public const int MaxAdGroupNameLength = 255;

        private const string Prefix = "[Experiment: ";
        private const string ControlRole = "] Control: ";
        private const string VariantRole = "] Variant: ";

        /// <summary>Characters the marks add around the two names (the roles are the same length).</summary>
        public static readonly int Overhead = Prefix.Length + ControlRole.Length;

        private static readonly Regex Marked = new Regex(
            @"^\[Experiment: (?<experiment>[^\[\]]+)\] (?<role>Control|Variant): (?<variant>.+)$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>The ad group name of a variant.</summary>
        public static string Format(string experiment, string variant, bool isControl) =>
            Prefix + experiment + (isControl ? ControlRole : VariantRole) + variant;

        /// <summary>Reads an ad group name; false for a name that does not carry an experiment.</summary>
        public static bool TryParse(string? adGroupName, out string experiment, out string variant, out bool isControl)
        {
            var match = adGroupName is null ? null : Marked.Match(adGroupName);
            if (match is null || !match.Success || !IsTrimmed(match.Groups["experiment"].Value) || !IsTrimmed(match.Groups["variant"].Value))
            {
                experiment = variant = string.Empty;
                isControl = false;
                return false;
            }

            experiment = match.Groups["experiment"].Value;
            variant = match.Groups["variant"].Value;
            isControl = match.Groups["role"].Value == "Control";
            return true;
        }

        /// <summary>An experiment's name as a user gave it: not blank, no brackets (they delimit it), no control characters, no spaces around it.</summary>
        public static string CheckExperiment(string parameter, string? name)
        {
            CheckText(parameter, name, "an experiment's name");
            if (name!.IndexOfAny(new[] { '[', ']' }) >= 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{name}' holds a square bracket; an experiment's name cannot, because the ad group names mark the experiment with them: [Experiment: <name>].", name);
            }

            return name;
        }

        /// <summary>A variant's name: not blank, no control characters, no spaces around it.</summary>
        public static string CheckVariant(string parameter, string? name)
        {
            CheckText(parameter, name, "a variant's name");
            return name!;
        }

        /// <summary>Whether two experiment or variant names are the same one: case is ignored, as people type them.</summary>
        public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static void CheckText(string parameter, string? name, string what)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{what} cannot be empty.", name);
            }

            if (!IsTrimmed(name!))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{name}' starts or ends with a space; {what} cannot, or it would not read back the same from the ad group's name.", name);
            }

            if (name!.Any(char.IsControl))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{what} cannot hold control characters such as tabs or line breaks.", name);
            }
        }

        private static bool IsTrimmed(string text) => text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[text.Length - 1]);
    }
}
