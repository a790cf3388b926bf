using System.Management.Automation;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// The parameters Suspend-, Resume- and Remove- share. Each sets only the status of the entity
    /// with the given -Id (declared by each cmdlet with its noun's alias) in an update (PATCH of the
    /// collection); the updated object is output with -PassThru.
    /// </summary>
    public abstract class StatusAdsCmdlet : AdsCmdlet
    {
        /// <summary>Returns the updated object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Names this write for Pinterest (Idempotency-Key) and the journal: running the command again
        /// with the same key and input returns the first result instead of writing twice.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }
    }
}
