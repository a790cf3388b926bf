using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using PinterestAds.Core.Errors;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// Paths as PowerShell users give them (relative to the current location, ~, wildcards with
    /// -Path) as file-system paths for Core. Call on the pipeline thread: it reads the session state.
    /// </summary>
    internal static class FilePaths
    {
        /// <summary>The files <paramref name="path"/> names: wildcards expanded, unless <paramref name="literal"/>.</summary>
        public static IReadOnlyList<string> Resolve(PSCmdlet cmdlet, string parameter, string path, bool literal)
        {
            try
            {
                if (literal)
                {
                    return new[] { One(cmdlet, parameter, path) };
                }

                var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                RequireFileSystem(parameter, path, provider);

                // A wildcard that matches nothing resolves to no path rather than failing.
                return resolved.Count > 0 ? resolved.ToArray() : throw NoMatch(parameter, path);
            }
            catch (ItemNotFoundException)
            {
                throw NoMatch(parameter, path);
            }
            catch (Exception ex) when (ex is ProviderNotFoundException || ex is DriveNotFoundException || ex is PSArgumentException || ex is PSNotSupportedException)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{path}' is not a file-system path: {ex.Message}", path);
            }
        }

        /// <summary>One file, taken literally (no wildcards); it need not exist yet for this, Core checks that.</summary>
        public static string One(PSCmdlet cmdlet, string parameter, string path)
        {
            try
            {
                string full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
                RequireFileSystem(parameter, path, provider);
                return full;
            }
            catch (Exception ex) when (ex is ProviderNotFoundException || ex is DriveNotFoundException || ex is PSArgumentException || ex is PSNotSupportedException || ex is NotSupportedException)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{path}' is not a file-system path: {ex.Message}", path);
            }
        }

        private static PinterestAdsException NoMatch(string parameter, string path) =>
            PinterestAdsException.InvalidArgument(parameter, $"no file matches '{path}'.", path);

        private static void RequireFileSystem(string parameter, string path, ProviderInfo provider)
        {
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{path}' is on the {provider.Name} provider; give a file-system path.", path);
            }
        }
    }
}
