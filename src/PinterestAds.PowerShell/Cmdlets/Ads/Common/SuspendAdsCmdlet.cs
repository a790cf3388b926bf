using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Base of Suspend-PinCampaign, Suspend-PinAdGroup and Suspend-PinAd: status PAUSED.</summary>
    public abstract class SuspendAdsCmdlet<T> : StatusAdsCmdlet<T>
        where T : AdsEntity
    {
        private protected override string Status => "PAUSED";

        private protected override string Action => "Pause (status PAUSED)";
    }

    /// <summary>Base of Resume-PinCampaign, Resume-PinAdGroup and Resume-PinAd: status ACTIVE.</summary>
    public abstract class ResumeAdsCmdlet<T> : StatusAdsCmdlet<T>
        where T : AdsEntity
    {
        private protected override string Status => "ACTIVE";

        private protected override string Action => "Resume (status ACTIVE)";
    }
}
