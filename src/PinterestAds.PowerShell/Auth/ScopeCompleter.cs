using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>Tab completion for -Scopes: the OAuth scopes named in Pinterest's API v5 description.</summary>
    public sealed class ScopeCompleter : IArgumentCompleter
    {
        private static readonly string[] Scopes =
        {
            "ads:read", "ads:write", "billing:read", "billing:write", "biz_access:read", "biz_access:write",
            "boards:read", "boards:read_secret", "boards:write", "boards:write_secret", "catalogs:read", "catalogs:write",
            "pins:read", "pins:read_secret", "pins:write", "pins:write_secret", "user_accounts:read", "user_accounts:write",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Scopes
                .Where(s => s.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s));
        }
    }
}
