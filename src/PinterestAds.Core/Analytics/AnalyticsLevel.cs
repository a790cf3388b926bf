namespace PinterestAds.Core.Analytics
{
    /// <summary>Whose analytics a row describes: the ad account as a whole, or one campaign, ad group or ad.</summary>
    public enum AnalyticsLevel
    {
        AdAccount,
        Campaign,
        AdGroup,
        Ad,
    }
}
