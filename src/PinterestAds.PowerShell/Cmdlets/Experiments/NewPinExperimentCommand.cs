using System.Linq;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Experiments;
using PinterestAds.Core.Experiments.Creation;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Experiments.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Experiments;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Experiments
{
    /// <summary>
    /// Creates an experiment: one ad group (with one ad) per variant under a campaign, all ad groups
    /// in one request and all ads in another; the control ACTIVE, the treatments PAUSED.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PinExperiment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Experiment))]
    public sealed class NewPinExperimentCommand : ExperimentCmdlet
    {
        /// <summary>The campaign the variants' ad groups go in.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string CampaignId { get; set; } = null!;

        /// <summary>The experiment's name, unique in the ad account; it is written into every ad group's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = null!;

        /// <summary>
        /// The variants, 2 to 30 hashtables (or objects) with Name and PinId, and any of BillableEvent,
        /// Budget, BudgetType, Bid, BidStrategy, Targeting, OptimizationGoalMetadata, PlacementGroup,
        /// CreativeType, DestinationUrl and CallToAction.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [PlainData]
        public object[] Variant { get; set; } = null!;

        /// <summary>The name of the control variant; the first variant when omitted.</summary>
        [Parameter]
        [OptionalText]
        public string? Control { get; set; }

        /// <summary>What every variant pays for unless it says otherwise: CLICKTHROUGH, IMPRESSION or VIDEO_V_50_MRC.</summary>
        [Parameter]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? BillableEvent { get; set; }

        /// <summary>Every variant's daily budget in the account's currency unless it says otherwise.</summary>
        [Parameter]
        [AmountTransformation]
        public Amount? Budget { get; set; }

        /// <summary>Every variant's bid in the account's currency unless it says otherwise.</summary>
        [Parameter]
        [AmountTransformation]
        public Amount? Bid { get; set; }

        /// <summary>Every variant's targeting_spec unless it says otherwise, e.g. @{ LOCATION = 'US' }.</summary>
        [Parameter]
        [PlainData]
        [Alias("TargetingSpec")]
        public object? Targeting { get; set; }

        /// <summary>The ads' creative type unless a variant says otherwise; REGULAR when omitted.</summary>
        [Parameter]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? CreativeType { get; set; }

        /// <summary>
        /// Names this experiment's writes: running the command again with the same key and input
        /// returns the experiment instead of making a second one, and completes one whose run was
        /// interrupted. Per ad group and ad keys are derived from it.
        /// </summary>
        [Parameter]
        [OptionalText]
        public string? IdempotencyKey { get; set; }

        protected override void ProcessRecord()
        {
            ExperimentPlan plan;
            try
            {
                plan = ExperimentPlan.Build(new NewExperimentInput
                {
                    AdAccountId = AdAccountId,
                    CampaignId = CampaignId,
                    Name = Name,
                    Variant = Variant.Select((v, i) => VariantSpec.FromData(i + 1, v)).ToArray(),
                    Control = Control,
                    Defaults = new VariantSpec { BillableEvent = BillableEvent, Budget = Budget, Bid = Bid, Targeting = Targeting, CreativeType = CreativeType },
                    IdempotencyKey = IdempotencyKey,
                });
            }
            catch (PinterestAdsException ex)
            {
                WriteError(ErrorRecords.From(ex, Name));
                return;
            }

            var control = plan.Variants.First(v => v.IsControl);
            string target = $"experiment '{plan.Name}' in campaign {plan.CampaignId} of ad account {plan.AdAccountId}";
            string action = $"Create {plan.Variants.Count} ad groups with one ad each: control '{control.Variant}' ACTIVE, {plan.Variants.Count - 1} treatment(s) PAUSED";
            if (!ShouldProcess(target, action))
            {
                return;
            }

            var context = Core.Connection(Context);
            Core.RunForItem(Name, async (bridge, ct) => ExperimentOutput.Wrap(await ExperimentCreator.CreateAsync(context, plan, bridge, ct).ConfigureAwait(false)));
        }
    }
}
