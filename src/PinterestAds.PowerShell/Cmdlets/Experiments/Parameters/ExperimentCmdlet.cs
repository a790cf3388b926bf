using System.Management.Automation;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Experiments.Parameters
{
    /// <summary>Base of the experiment cmdlets: the ad account the experiment's campaign belongs to (and -Context).</summary>
    public abstract class ExperimentCmdlet : ApiCmdlet
    {
        /// <summary>The ad account whose campaign holds the experiment.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string AdAccountId { get; set; } = null!;
    }
}
