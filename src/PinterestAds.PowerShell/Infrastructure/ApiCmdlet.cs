using System.Management.Automation;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>Base for every cmdlet that talks to the API: adds <c>-Context</c> and resolves it.</summary>
    public abstract class ApiCmdlet : AsyncCmdlet
    {
        /// <summary>
        /// The connection to use instead of the session default (from Connect-PinterestAds -PassThru
        /// or Get-PinterestAdsContext); what runbooks and ForEach-Object -Parallel pass along.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public PinterestAdsContext? Context { get; set; }

        /// <summary>The context in force; a terminating error tells the user to connect when there is none.</summary>
        protected PinterestAdsContext ActiveContext
        {
            get
            {
                var context = Context ?? ContextStore.Current;
                if (context is null || !context.IsConnected)
                {
                    ThrowTerminatingError(ErrorRecords.From(PinterestAdsException.NotConnected()));
                }

                return context!;
            }
        }
    }
}
