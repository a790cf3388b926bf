using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Boards;
using PinterestAds.PowerShell.Cmdlets.Creatives.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Gets boards by id, or lists the user's boards.</summary>
    [Cmdlet(VerbsCommon.Get, "PinBoard", SupportsPaging = true)]
    [OutputType(typeof(Board))]
    public sealed class GetPinBoardCommand : BusinessAccessCmdlet
    {
        /// <summary>Ids of boards; lists every board when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BoardIdCompleter))]
        public string[]? BoardId { get; set; }

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (BoardId is null)
            {
                Pages.List(AdAccountId, (pageSize, allPages, bridge, ct) => BoardService.ListAsync(context, AdAccount(), pageSize, allPages, bridge, ct), CreativesOutput.Wrap);
                return;
            }

            foreach (string id in BoardId)
            {
                Core.RunForItem(id, async (bridge, ct) => CreativesOutput.Wrap(await BoardService.GetAsync(context, PinterestId.ParseContentId(nameof(BoardId), id), AdAccount(), bridge, ct).ConfigureAwait(false)));
            }
        }
    }
}
