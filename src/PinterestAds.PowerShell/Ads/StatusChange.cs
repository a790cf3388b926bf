namespace PinterestAds.PowerShell.Ads
{
    /// <summary>What Suspend-, Resume- and Remove- do: the status they send and the action -WhatIf names.</summary>
    internal sealed class StatusChange
    {
        public static readonly StatusChange Pause = new StatusChange("PAUSED", "Pause (status PAUSED)");

        public static readonly StatusChange Resume = new StatusChange("ACTIVE", "Resume (status ACTIVE)");

        /// <summary>Pinterest has no delete for campaigns, ad groups or ads: removing archives them for good.</summary>
        public static readonly StatusChange Archive = new StatusChange("ARCHIVED", "Archive (status ARCHIVED; Pinterest has no delete, archiving cannot be undone)");

        private StatusChange(string status, string action)
        {
            Status = status;
            Action = action;
        }

        public string Status { get; }

        public string Action { get; }
    }
}
