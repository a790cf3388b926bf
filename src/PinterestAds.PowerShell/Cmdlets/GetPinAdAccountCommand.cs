using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Http;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets
{
    /// <summary>Lists the ad accounts of the signed-in user, or gets one by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAdAccount", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(AdAccount))]
    public sealed class GetPinAdAccountCommand : ApiCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>The id of one ad account.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdAccountId")]
        [ArgumentCompleter(typeof(AdAccountIdCompleter))]
        public string[] Id { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    Core.RunForItem(id, (bridge, ct) => AdAccountService.GetAsync(context, PinterestId.Parse(nameof(Id), id), bridge, ct));
                }

                return;
            }

            Core.Run(async (bridge, ct) =>
            {
                await foreach (var account in AdAccountService.ListAsync(context, Paginator.MaxPageSize, bridge, ct).ConfigureAwait(false))
                {
                    bridge.Output(account);
                }
            });
        }
    }
}
