using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Analytics.Columns;

namespace PinterestAds.PowerShell.Binding
{
    /// <summary>
    /// Tab completion for every enumerated parameter, from the spec's values (chosen by parameter
    /// name; the analytics columns are read on first use). Core checks the value either way.
    /// </summary>
    public sealed class SpecValueCompleter : IArgumentCompleter
    {
        private static readonly Dictionary<string, Func<IReadOnlyList<string>>> ValuesByParameter = new Dictionary<string, Func<IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Status"] = () => SpecValues.EntityStatuses,
            ["ObjectiveType"] = () => SpecValues.ObjectiveTypes,
            ["BillableEvent"] = () => SpecValues.BillableEvents,
            ["BudgetType"] = () => SpecValues.BudgetTypes,
            ["BidStrategy"] = () => SpecValues.BidStrategyTypes,
            ["PacingDeliveryType"] = () => SpecValues.PacingDeliveryTypes,
            ["PlacementGroup"] = () => SpecValues.PlacementGroups,
            ["CreativeType"] = () => SpecValues.CreativeTypes,
            ["CallToAction"] = () => SpecValues.CallToActionTypes,
            ["Column"] = () => AnalyticsColumns.Sync,
        };

        /// <summary>Parameters whose values people write as text: the button reads 'Shop now', so that is what completes.</summary>
        private static readonly Dictionary<string, Func<string, string>> WrittenAs = new Dictionary<string, Func<string, string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["CallToAction"] = CallToAction.DisplayText,
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var values = ValuesByParameter.TryGetValue(parameterName, out var known) ? known() : Array.Empty<string>();
            Func<string, string> written = WrittenAs.TryGetValue(parameterName, out var text) ? text : v => v;
            return values
                .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || v.Replace('_', ' ').StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => Result(written(v), v));
        }

        private static CompletionResult Result(string written, string value)
        {
            string completion = written.IndexOf(' ') >= 0 ? "'" + CodeGeneration.EscapeSingleQuotedStringContent(written) + "'" : written;
            return new CompletionResult(completion, written, CompletionResultType.ParameterValue, value);
        }
    }
}
