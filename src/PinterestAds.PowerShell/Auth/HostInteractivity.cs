using System;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>
    /// Decides whether a person can be at the keyboard: a browser is opened (or a prompt shown)
    /// only then. Runbooks, CI, remoting and <c>pwsh -NonInteractive</c> never get one.
    /// </summary>
    internal static class HostInteractivity
    {
        private static readonly string[] CiVariables = { "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "AUTOMATION_ASSET_ACCOUNTID" };

        /// <summary>Null when interactive; otherwise why not (for the error message).</summary>
        public static string? WhyNotInteractive(PSCmdlet cmdlet)
        {
            string hostName = cmdlet.Host?.Name ?? string.Empty;
            if (hostName == "Default Host" || hostName == "ServerRemoteHost")
            {
                return $"the PowerShell host '{hostName}' has no user interface";
            }

            if (HasNonInteractiveSwitch())
            {
                return "PowerShell was started with -NonInteractive";
            }

            if (!Environment.UserInteractive)
            {
                return "the process runs without a user session";
            }

            if (hostName == "ConsoleHost" && Console.IsInputRedirected)
            {
                return "console input is redirected";
            }

            foreach (var name in CiVariables)
            {
                string? value = Environment.GetEnvironmentVariable(name);
                if (!string.IsNullOrEmpty(value) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0")
                {
                    return $"it runs in automation ({name} is set)";
                }
            }

            return null;
        }

        private static bool HasNonInteractiveSwitch()
        {
            string[] args;
            try
            {
                args = Environment.GetCommandLineArgs();
            }
            catch (NotSupportedException)
            {
                return false;
            }

            // pwsh accepts any unambiguous prefix from -noni; arguments after -Command / -File belong to the script.
            foreach (var raw in args.Skip(1))
            {
                if (raw.Length < 2 || (raw[0] != '-' && raw[0] != '/'))
                {
                    continue;
                }

                string name = raw.TrimStart('-', '/').ToLowerInvariant();
                if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.Ordinal))
                {
                    return true;
                }

                if (name == "c" || name == "command" || name == "f" || name == "file" || name == "ec" || name == "encodedcommand")
                {
                    break;
                }
            }

            return false;
        }
    }
}
