namespace PinterestAds.Core.Ads
{
    /// <summary>The three levels of Pinterest's ads hierarchy: a campaign holds ad groups, an ad group holds ads.</summary>
    public enum AdsKind
    {
        Campaign,
        AdGroup,
        Ad,
    }
}
