using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Experiments;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Experiments.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Experiments;

namespace PinterestAds.PowerShell.Cmdlets.Experiments
{
    /// <summary>
    /// Lists the experiments of an ad account (or of one campaign), rebuilt from the ad groups' names
    /// in Pinterest: what another machine made shows here too.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinExperiment")]
    [OutputType(typeof(Experiment))]
    public sealed class GetPinExperimentCommand : ExperimentCmdlet
    {
        /// <summary>The experiment's name; wildcards are allowed. All experiments when omitted.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ExperimentNameCompleter))]
        public string? Name { get; set; }

        /// <summary>Lists only the experiments of this campaign.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string? CampaignId { get; set; }

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            var pattern = Name is null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            Core.RunForItem(Name ?? AdAccountId, async (bridge, ct) =>
            {
                var account = PinterestId.Parse(nameof(AdAccountId), AdAccountId);
                var campaign = CampaignId is null ? (PinterestId?)null : PinterestId.Parse(nameof(CampaignId), CampaignId);
                var experiments = await ExperimentCatalog.ListAsync(context, account, campaign, pattern is null ? null : pattern.IsMatch, includeAds: true, bridge, ct).ConfigureAwait(false);
                if (experiments.Count == 0 && Name != null && !WildcardPattern.ContainsWildcardCharacters(Name))
                {
                    throw ExperimentCatalog.NotFound(account, campaign, Name);
                }

                foreach (var experiment in experiments)
                {
                    bridge.Output(ExperimentOutput.Wrap(experiment));
                }
            });
        }
    }
}
