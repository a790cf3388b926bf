using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Rates;
using PinterestAds.PowerShell.Analytics;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Cmdlets.Analytics
{
    /// <summary>
    /// Spend, impressions, clicks and conversions of an ad account, or of its campaigns, ad groups or
    /// ads, streamed as they are read; spend also in US dollars. Any history length: what is older
    /// than the synchronous endpoints reach comes from async reports, in the same row shape.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinAnalytics")]
    [OutputType(typeof(AnalyticsRow))]
    public sealed class GetPinAnalyticsCommand : AdsCmdlet
    {
        private AnalyticsInput _input = null!;
        private ExchangeRateOverride? _rates;

        /// <summary>AdAccount, Campaign, AdGroup or Ad; default the level of the ids or entities given, else AdAccount.</summary>
        [Parameter]
        public AnalyticsLevel? Level { get; set; }

        /// <summary>Campaigns to read (level Campaign).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string[]? CampaignId { get; set; }

        /// <summary>Ad groups to read (level AdGroup).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string[]? AdGroupId { get; set; }

        /// <summary>Ads to read (level Ad).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdIdCompleter))]
        public string[]? AdId { get; set; }

        /// <summary>First UTC day; default six days before -EndDate.</summary>
        [Parameter]
        public DateTime? StartDate { get; set; }

        /// <summary>Last UTC day; default today.</summary>
        [Parameter]
        public DateTime? EndDate { get; set; }

        [Parameter]
        public AnalyticsGranularity Granularity { get; set; } = AnalyticsGranularity.Day;

        /// <summary>Columns of Pinterest's analytics (SPEND_IN_DOLLAR, CTR, …); default spend, impressions, clicks and conversions.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        [Alias("Columns")]
        public string[]? Column { get; set; }

        [Parameter]
        public int? ClickWindowDays { get; set; }

        [Parameter]
        public int? ViewWindowDays { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ConversionReportTime { get; set; }

        /// <summary>US dollars per unit: a hashtable (@{ EUR = 1.08 }) or the path of a Date,Currency,UsdRate CSV.</summary>
        [Parameter]
        public object? ExchangeRate { get; set; }

        protected override void BeginProcessing()
        {
            _input = new AnalyticsInput(this);
            try
            {
                _rates = ExchangeRateArgument.Read(this, ExchangeRate);
            }
            catch (PinterestAdsException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ExchangeRate));
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                _input.Add();
            }
            catch (PinterestAdsException ex)
            {
                WriteError(ErrorRecords.AboutInput(ex, _input.ErrorTarget));
            }
        }

        protected override void EndProcessing()
        {
            var context = Core.Connection(Context);
            foreach (var query in _input.Queries(Settings))
            {
                Core.RunForItem(query.AdAccountId.ToString(), async (bridge, ct) =>
                {
                    await foreach (var row in AnalyticsReader.ReadAsync(context, query, bridge, bridge, ct).ConfigureAwait(false))
                    {
                        await bridge.OutputAsync(AnalyticsOutput.Wrap(row), ct).ConfigureAwait(false);
                    }
                });
            }
        }

        private void Settings(AnalyticsQuery query)
        {
            query.StartDate = StartDate;
            query.EndDate = EndDate;
            query.Granularity = Granularity;
            query.Column = Column;
            query.ClickWindowDays = ClickWindowDays;
            query.ViewWindowDays = ViewWindowDays;
            query.ConversionReportTime = ConversionReportTime;
            query.ExchangeRate = _rates;
        }
    }
}
