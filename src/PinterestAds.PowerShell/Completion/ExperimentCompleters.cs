using System.Collections.Generic;
using PinterestAds.Core.Lookups;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>An experiment's name (-Experiment, Get-PinExperiment -Name): read from the ad group names of -AdAccountId (of -CampaignId when given).</summary>
    public sealed class ExperimentNameCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            arguments.AdAccountId is { } account ? Suggestions.Experiments(context, account, arguments.Id("CampaignId")) : Empty;
    }

    /// <summary>A variant's name (-Variant, -Winner): the variants of the -Experiment on the line, the control first.</summary>
    public sealed class VariantNameCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            arguments.AdAccountId is { } account && arguments.Text("Experiment") is string experiment
                ? Suggestions.VariantsOf(context, account, arguments.Id("CampaignId"), experiment.Trim())
                : Empty;
    }
}
