using System;
using System.Globalization;
using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Binding
{
    /// <summary>
    /// A money amount from a decimal, a number or text (invariant culture) as an <see cref="Amount"/>.
    /// NaN, infinity and non-numbers are carried through, so Core refuses them naming the parameter
    /// and the rule instead of the binder's conversion message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AmountTransformationAttribute : CellTransformationAttribute
    {
        private protected override object? Convert(object value, object original) => Amount.From(value);
    }

    /// <summary>
    /// true/false from $true/$false, a switch, a number or text (true, false, yes, no, 1, 0):
    /// PowerShell alone would refuse text, or read "False" as true.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class FlagTransformationAttribute : CellTransformationAttribute
    {
        private protected override object? Convert(object value, object original) => value switch
        {
            bool flag => flag,
            SwitchParameter switchParameter => switchParameter.IsPresent,
            string text when text.Trim().TrimStart('$').ToLowerInvariant() is "true" or "yes" or "1" => true,
            string text when text.Trim().TrimStart('$').ToLowerInvariant() is "false" or "no" or "0" => false,
            IConvertible number when number.GetTypeCode() >= TypeCode.SByte && number.GetTypeCode() <= TypeCode.Decimal => number.ToDecimal(CultureInfo.InvariantCulture) != 0,
            _ => throw Refuse(value, "true or false; give $true or $false (in a CSV file: true, false, yes, no, 1 or 0)"),
        };
    }

    /// <summary>
    /// A date and time from a DateTime, a DateTimeOffset, Unix seconds, or text read with the
    /// invariant culture ("2025-07-01T09:00:00Z"; text without an offset is local time); UTC out.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class TimeTransformationAttribute : CellTransformationAttribute
    {
        private protected override object? Convert(object value, object original) => value switch
        {
            DateTime time => time,
            DateTimeOffset offset => offset.UtcDateTime,
            string text when DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal | DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
            IConvertible number when number.GetTypeCode() >= TypeCode.SByte && number.GetTypeCode() <= TypeCode.UInt64 => DateTimeOffset.FromUnixTimeSeconds(number.ToInt64(CultureInfo.InvariantCulture)).UtcDateTime,
            _ => throw Refuse(value, "a date and time; give a [datetime] or text such as 2025-07-01T09:00:00Z"),
        };
    }

    /// <summary>Blank text means "not given" for an optional text or number parameter; anything else binds as usual.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OptionalTextAttribute : CellTransformationAttribute
    {
        private protected override object? Convert(object value, object original) => original;
    }

    /// <summary>
    /// A hashtable parameter (targeting, tracking URLs, goal metadata) as plain data for Core's
    /// checks: nested hashtables, arrays and custom objects unwrapped; JSON text passed on as text.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class PlainDataAttribute : CellTransformationAttribute
    {
        private protected override object? Convert(object value, object original) => value;
    }
}
