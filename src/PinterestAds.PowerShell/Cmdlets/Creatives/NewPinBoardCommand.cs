using System;
using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Boards;
using PinterestAds.Core.Idempotency;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Creates boards, the places pins live.</summary>
    [Cmdlet(VerbsCommon.New, "PinBoard", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Board))]
    public sealed class NewPinBoardCommand : ApiCmdlet, IBoardFields
    {
        private readonly HashSet<string> _made = new HashSet<string>(StringComparer.Ordinal);
        private readonly RecordKeys _keys = new RecordKeys();

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
        public SwitchParameter AdsOnly { get; set; }

        /// <summary>Create the board as the owner of this ad account (Business Access).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? AdAccountId { get; set; }

        /// <summary>Names this write for Pinterest (Idempotency-Key) and the journal: a re-run with the same key returns the first board.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }

        bool? IBoardFields.AdsOnly => AdsOnly.IsPresent ? true : (bool?)null;

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (!ShouldProcess($"board '{Name}'", "Create"))
            {
                return;
            }

            string? key = _keys.For(IdempotencyKey);
            Core.RunForItem(Name, async (bridge, ct) =>
            {
                var adAccountId = AdAccountId is null ? (PinterestId?)null : PinterestId.Parse(nameof(AdAccountId), AdAccountId);
                bridge.Output(CreativesOutput.Wrap(await BoardService.CreateAsync(context, this, adAccountId, key, _made, bridge, ct).ConfigureAwait(false)));
            });
        }
    }
}
