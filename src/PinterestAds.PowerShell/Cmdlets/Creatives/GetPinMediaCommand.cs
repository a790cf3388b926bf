using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Media;
using PinterestAds.PowerShell.Cmdlets.Creatives.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Creatives;

namespace PinterestAds.PowerShell.Cmdlets.Creatives
{
    /// <summary>Gets uploaded videos by id, or lists the user's uploads.</summary>
    [Cmdlet(VerbsCommon.Get, "PinMedia", SupportsPaging = true)]
    [OutputType(typeof(VideoMedia))]
    public sealed class GetPinMediaCommand : GetCreativesCmdlet
    {
        /// <summary>Ids of media uploads; lists every upload when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MediaIdCompleter))]
        public string[]? MediaId { get; set; }

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (MediaId is null)
            {
                Pages.List(null, (pageSize, allPages, bridge, ct) => MediaService.ListAsync(context, pageSize, allPages, bridge, ct), CreativesOutput.Wrap);
                return;
            }

            foreach (string id in MediaId)
            {
                Core.RunForItem(id, async (bridge, ct) => CreativesOutput.Wrap(await MediaService.GetAsync(context, PinterestId.ParseContentId(nameof(MediaId), id), bridge, ct).ConfigureAwait(false)));
            }
        }
    }
}
