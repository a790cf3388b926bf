using System.Collections.Generic;
using PinterestAds.Core.Lookups;
using PinterestAds.Core.Session;

namespace PinterestAds.PowerShell.Completion
{
    /// <summary>-AdAccountId: the ad accounts probed at connect, names as tooltips; no request.</summary>
    public sealed class AdAccountIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            Suggestions.AdAccounts(context);
    }

    /// <summary>-CampaignId: the newest campaigns of -AdAccountId.</summary>
    public sealed class CampaignIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            arguments.AdAccountId is { } account ? Suggestions.Campaigns(context, account) : Empty;
    }

    /// <summary>-AdGroupId: the newest ad groups of -AdAccountId, of -CampaignId when given.</summary>
    public sealed class AdGroupIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            arguments.AdAccountId is { } account ? Suggestions.AdGroups(context, account, arguments.Id("CampaignId")) : Empty;
    }

    /// <summary>-AdId: the newest ads of -AdAccountId, of -AdGroupId or -CampaignId when given.</summary>
    public sealed class AdIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            arguments.AdAccountId is { } account ? Suggestions.AdsOf(context, account, arguments.Id("CampaignId"), arguments.Id("AdGroupId")) : Empty;
    }

    /// <summary>-BoardId: the signed-in user's boards (GET /boards), names as tooltips.</summary>
    public sealed class BoardIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            Suggestions.Boards(context);
    }

    /// <summary>-PinId: the signed-in user's pins (GET /pins), titles as tooltips.</summary>
    public sealed class PinIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            Suggestions.Pins(context);
    }

    /// <summary>-MediaId: uploaded media (GET /media), type and status as tooltips.</summary>
    public sealed class MediaIdCompleter : LiveCompleter
    {
        private protected override IReadOnlyList<Suggestion> Suggest(PinterestAdsContext context, CompletionArguments arguments) =>
            Suggestions.Media(context);
    }
}
