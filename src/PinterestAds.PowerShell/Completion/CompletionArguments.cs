using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// What the command line being completed already says: the parameters PowerShell could bind
    /// so far (<c>fakeBoundParameters</c>), read as the cmdlet would read them.
    /// </summary>
    internal sealed class CompletionArguments
    {
        private readonly IDictionary? _bound;

        public CompletionArguments(IDictionary? fakeBoundParameters)
        {
            _bound = fakeBoundParameters;
            Context = Value("Context") as PinterestAdsContext ?? ContextStore.Current;
        }

        /// <summary>-Context when given, else the session default; null when not signed in.</summary>
        public PinterestAdsContext? Context { get; }

        /// <summary>-AdAccountId, or the only ad account the sign-in has.</summary>
        public PinterestId? AdAccountId =>
            Id("AdAccountId") ?? (Context?.ProbedAdAccounts.Count == 1 ? PinterestId.Parse("AdAccountId", Context.ProbedAdAccounts[0].Id) : (PinterestId?)null);

        /// <summary>The first value given to <paramref name="parameter"/> as text; null when not given.</summary>
        public string? Text(string parameter) => Value(parameter) switch
        {
            null => null,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            object value => value.ToString(),
        };

        /// <summary>The id given to <paramref name="parameter"/>; null when not given.</summary>
        public PinterestId? Id(string parameter) => Text(parameter) is string text ? PinterestId.Parse(parameter, text.Trim()) : (PinterestId?)null;

        private object? Value(string parameter)
        {
            object? value = _bound != null && _bound.Contains(parameter) ? _bound[parameter] : null;
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (value is IList list && !(value is string))
            {
                value = list.Count > 0 ? list[0] : null;
            }

            return value is PSObject item ? item.BaseObject : value;
        }
    }
}
