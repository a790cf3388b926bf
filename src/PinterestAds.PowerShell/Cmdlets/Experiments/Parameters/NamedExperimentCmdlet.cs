using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Experiments;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Experiments.Parameters
{
    /// <summary>
    /// The cmdlets that act on one experiment found by name: Set-PinExperimentVariant,
    /// Stop-PinExperiment, Get-PinExperimentResult. An experiment or variant from Get-PinExperiment
    /// binds by its AdAccountId, Experiment and CampaignId properties.
    /// </summary>
    public abstract class NamedExperimentCmdlet : ExperimentCmdlet
    {
        /// <summary>The experiment's name (case is ignored).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ExperimentNameCompleter))]
        public string Experiment { get; set; } = null!;

        /// <summary>The campaign holding the experiment; needed only when two campaigns have experiments of that name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string? CampaignId { get; set; }

        /// <summary>The experiment the parameters name; ids are checked here, so an error names the parameter.</summary>
        private protected ExperimentRef Named() => new ExperimentRef(
            PinterestId.Parse(nameof(AdAccountId), AdAccountId),
            Experiment,
            CampaignId is null ? (PinterestId?)null : PinterestId.Parse(nameof(CampaignId), CampaignId));
    }
}
