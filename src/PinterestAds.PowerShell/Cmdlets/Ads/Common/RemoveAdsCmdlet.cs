using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Base of Remove-PinCampaign, Remove-PinAdGroup and Remove-PinAd. Pinterest has no delete for
    /// these: removing archives (status ARCHIVED), which hides the entity from default lists and
    /// stops its delivery for good. ConfirmImpact is High; -Force skips the confirmation (not -WhatIf).
    /// </summary>
    public abstract class RemoveAdsCmdlet<T> : StatusAdsCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>Archives without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected override string Status => "ARCHIVED";

        private protected override string Action => "Archive (status ARCHIVED; Pinterest has no delete, archiving cannot be undone)";

        private protected override bool Confirm(string target, string action)
        {
            bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? given is SwitchParameter s && s.IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            bool confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter c && c.IsPresent;
            if (Force && !whatIf && !confirmAsked)
            {
                WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force).");
                return true;
            }

            return ShouldProcess(target, action);
        }
    }
}
