using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Pins;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Creatives.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Reads pins back by id, lists the pins of a board, or lists every pin of the user.</summary>
    [Cmdlet(VerbsCommon.Get, "PinCreative", SupportsPaging = true)]
    [OutputType(typeof(Creative))]
    public sealed class GetPinCreativeCommand : BusinessAccessCmdlet
    {
        /// <summary>
        /// Ids of pins. Bound from piped objects by property name only, and with no Id alias: a
        /// piped board would otherwise bind here (its Id, or its text) and be read as a pin; a
        /// board supplies -BoardId instead.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PinIdCompleter))]
        public string[]? PinId { get; set; }

        /// <summary>Lists the pins of this board.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(BoardIdCompleter))]
        public string? BoardId { get; set; }

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (PinId is null)
            {
                Pages.List(BoardId, (pageSize, allPages, bridge, ct) => PinService.ListAsync(context, Board(), AdAccount(), pageSize, allPages, bridge, ct), CreativesOutput.Wrap);
                return;
            }

            foreach (string id in PinId)
            {
                Core.RunForItem(id, async (bridge, ct) => CreativesOutput.Wrap(await PinService.GetAsync(context, PinterestId.ParseContentId(nameof(PinId), id), AdAccount(), bridge, ct).ConfigureAwait(false)));
            }
        }

        private PinterestId? Board() => BoardId is null ? null : PinterestId.ParseContentId(nameof(BoardId), BoardId);
    }
}
