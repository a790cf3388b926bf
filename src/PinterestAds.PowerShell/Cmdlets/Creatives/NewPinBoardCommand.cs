using System.Management.Automation;
using PinterestAds.Core.Boards;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Creatives.Parameters;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Creates boards, the places pins live.</summary>
    [Cmdlet(VerbsCommon.New, "PinBoard", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Board))]
    public sealed class NewPinBoardCommand : NewCreativesCmdlet, IBoardFields
    {
        /// <summary>The board's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = null!;

        /// <summary>What the board is about.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Description { get; set; }

        /// <summary>PUBLIC (Pinterest's default), PROTECTED or SECRET.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Privacy { get; set; }

        /// <summary>An "Ad-only Pins" board, whose pins show only as ads (Pinterest names it so and makes it PROTECTED).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IsAdsOnly")]
        public SwitchParameter AdsOnly { get; set; }

        bool? IBoardFields.AdsOnly => AdsOnly.IsPresent ? true : (bool?)null;

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (!ShouldProcess($"board '{Name}'", "Create"))
            {
                return;
            }

            string? key = NextKey();
            Core.RunForItem(Name, async (bridge, ct) =>
                CreativesOutput.Wrap(await BoardService.CreateAsync(context, this, AdAccount(), key, Made, bridge, ct).ConfigureAwait(false)));
        }
    }
}
