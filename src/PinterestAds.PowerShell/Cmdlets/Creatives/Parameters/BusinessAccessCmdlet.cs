using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Creatives.Parameters
{
    /// <summary>Get-PinBoard and Get-PinCreative: boards and pins can be read as the owner of an ad account (Business Access); media cannot.</summary>
    public abstract class BusinessAccessCmdlet : GetCreativesCmdlet
    {
        /// <summary>Read as the owner of this ad account (Business Access).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string? AdAccountId { get; set; }

        private protected PinterestId? AdAccount() => AdAccountId is null ? null : PinterestId.Parse(nameof(AdAccountId), AdAccountId);
    }
}
