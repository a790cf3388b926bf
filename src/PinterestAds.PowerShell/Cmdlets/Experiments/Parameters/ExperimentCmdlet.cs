using System.Management.Automation;

namespace PinterestAds.PowerShell.Cmdlets.Experiments.Parameters
{
    /// <summary>Base of the experiment cmdlets: the ad account the experiment's campaign belongs to (and -Context).</summary>
    public abstract class ExperimentCmdlet : ApiCmdlet
    {
        /// <summary>The ad account whose campaign holds the experiment.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AdAccountId { get; set; } = null!;
    }
}
