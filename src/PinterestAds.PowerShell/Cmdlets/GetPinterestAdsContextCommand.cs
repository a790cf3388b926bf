using System.Management.Automation;
using PinterestAds.Core.Session;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>
    /// Shows the session's connection: app, environment, scopes, token expiry, where tokens are
    /// cached, ad accounts and request budget. Never a token.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinterestAdsContext")]
    [OutputType(typeof(PinterestAdsContext))]
    public sealed class GetPinterestAdsContextCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (ContextStore.Current is PinterestAdsContext context)
            {
                WriteObject(context);
            }
            else
            {
                WriteVerbose("Not connected to Pinterest Ads; run Connect-PinterestAds.");
            }
        }
    }
}
