using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Ads
{
    /// <summary>
    /// Outputs as PowerShell sees them: the model wrapped with its type name first
    /// (PinterestAds.Campaign, .AdGroup, .Ad) for the table views, and an alias property naming the
    /// id after its kind (CampaignId, AdGroupId, AdId) so the object binds to child cmdlets:
    /// <c>Get-PinCampaign | New-PinAdGroup …</c>.
    /// </summary>
    internal static class AdsOutput
    {
        public static string TypeName(AdsKind kind) => "PinterestAds." + kind;

        public static PSObject Wrap(AdsEntity entity)
        {
            var output = new PSObject(entity);
            output.TypeNames.Insert(0, TypeName(entity.Kind));
            output.Properties.Add(new PSAliasProperty(entity.Kind + "Id", nameof(AdsEntity.Id)));
            return output;
        }
    }
}
