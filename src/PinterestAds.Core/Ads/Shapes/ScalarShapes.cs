using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>How a text value is spelled on the wire.</summary>
    public enum TextCase
    {
        AsGiven,
        Upper,
        Lower,
    }

    /// <summary>A string: one of an enumeration, or text matching a pattern.</summary>
    public sealed class StringShape : Shape
    {
        private readonly Regex? _pattern;
        private readonly string _description;

        public StringShape(IReadOnlyList<string> allowed)
        {
            Allowed = allowed;
            _description = "one of: " + string.Join(", ", allowed);
        }

        public StringShape(string pattern, string description, TextCase textCase = TextCase.AsGiven, int maxLength = 2048)
        {
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            _description = description;
            Case = textCase;
            MaxLength = maxLength;
        }

        public IReadOnlyList<string>? Allowed { get; }

        public TextCase Case { get; }

        public int MaxLength { get; } = 2048;

        public override string Expectation => _description;

        public override JsonNode? Convert(object? value, string parameter, string path)
        {
            string? text = value switch
            {
                string s => s.Trim(),
                IFormattable f when TryInteger(value, out _) => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
            {
                throw Invalid(parameter, path, value);
            }

            if (Allowed != null)
            {
                return EnumValues.TryMatch(text, Allowed) is string match
                    ? JsonValue.Create(match)
                    : throw PinterestAdsException.InvalidArgument(parameter, Prefix(path) + EnumValues.Unknown(text!, Allowed), text);
            }

            if (text!.Length > MaxLength || !_pattern!.IsMatch(text))
            {
                throw Invalid(parameter, path, value);
            }

            return JsonValue.Create(Case switch
            {
                TextCase.Upper => text.ToUpperInvariant(),
                TextCase.Lower => text.ToLowerInvariant(),
                _ => text,
            });
        }
    }

    /// <summary>An integer within a range.</summary>
    public sealed class IntegerShape : Shape
    {
        public IntegerShape(long minimum = long.MinValue, long maximum = long.MaxValue)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public long Minimum { get; }

        public long Maximum { get; }

        public override string Expectation => Minimum == long.MinValue && Maximum == long.MaxValue
            ? "a whole number"
            : string.Format(CultureInfo.InvariantCulture, "a whole number from {0} to {1}", Minimum, Maximum);

        public override JsonNode? Convert(object? value, string parameter, string path) =>
            TryInteger(value, out long number) && number >= Minimum && number <= Maximum
                ? JsonValue.Create(number)
                : throw Invalid(parameter, path, value);
    }

    /// <summary>true or false (also the text "true"/"false", as CSV files carry it).</summary>
    public sealed class BooleanShape : Shape
    {
        public static readonly BooleanShape Instance = new BooleanShape();

        public override string Expectation => "true or false";

        public override JsonNode? Convert(object? value, string parameter, string path) => value switch
        {
            bool b => JsonValue.Create(b),
            string s when bool.TryParse(s.Trim(), out bool parsed) => JsonValue.Create(parsed),
            _ => throw Invalid(parameter, path, value),
        };
    }
}
