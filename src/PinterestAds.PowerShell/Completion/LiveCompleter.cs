using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PinterestAds.Core.Lookups;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>
    /// Base of the completers whose values come from the signed-in connection. What was typed
    /// matches the start of a value or any part of its name; the name shows in the list and as
    /// the tooltip. Completion never fails out loud: no connection, a bad id on the line, a slow
    /// or failing lookup all complete to nothing (lookups are bounded by <see cref="LookupCache.WaitBound"/>).
    /// </summary>
    public abstract class LiveCompleter : IArgumentCompleter
    {
        private static readonly CompletionResult[] Nothing = Array.Empty<CompletionResult>();

        /// <summary>No suggestion: what a completer offers when the line does not say enough (no ad account).</summary>
        private protected static readonly IReadOnlyList<Suggestion> Empty = Array.Empty<Suggestion>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var arguments = new CompletionArguments(fakeBoundParameters);
                if (!(arguments.Context is PinterestAdsContext context) || !context.IsConnected)
                {
                    return Nothing;
                }

                string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
                return Suggest(context, arguments).Where(s => s.Matches(typed)).Select(Result).ToArray();
            }
            catch (Exception)
            {
                // A completer's failure would only flash past as nothing; say nothing instead.
                return Nothing;
            }
        }

        private protected abstract IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments);

        private static CompletionResult Result(Suggestion suggestion)
        {
            string value = suggestion.Value;
            bool bare = value.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') && !value.StartsWith("-", StringComparison.Ordinal);
            string text = bare ? value : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
            string listed = suggestion.Description is null ? value : value + " (" + suggestion.Description + ")";
            return new CompletionResult(text, listed, CompletionResultType.ParameterValue, suggestion.Description ?? value);
        }
    }
}
