using System.Management.Automation;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Experiments.Parameters
{
    /// <summary>The cmdlets that change the status of an experiment's variants (Set-PinExperimentVariant, Stop-PinExperiment): one PATCH each, named for Pinterest and the journal.</summary>
    public abstract class ExperimentSwitchCmdlet : NamedExperimentCmdlet
    {
        /// <summary>Returns what was changed, as it now is.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Names this write for Pinterest (Idempotency-Key) and the journal.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }
    }
}
