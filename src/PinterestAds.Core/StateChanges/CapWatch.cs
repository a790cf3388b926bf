using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Analytics.Planning;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>
    /// Judges campaigns' spend caps: today's spend against the daily cap (reported once a UTC day),
    /// lifetime spend against the lifetime cap (reported once, again only after spend fell below a
    /// raised cap). Lifetime spend is the settled sum kept between looks plus the days read anew,
    /// so each look reads only the last few days, which late data may still restate.
    /// </summary>
    public static class CapWatch
    {
        /// <summary>Days before today whose spend is read anew on every look.</summary>
        public const int SettleDays = 3;

        /// <summary>Campaigns that can hit a cap: ACTIVE or PAUSED (spent today before a pause) with a daily or lifetime cap.</summary>
        public static bool IsWatched(Campaign campaign) =>
            (campaign.Status == "ACTIVE" || campaign.Status == "PAUSED") && (campaign.DailySpendCap > 0 || campaign.LifetimeSpendCap > 0);

        /// <summary>The first day of spend a look needs for the campaign: today for a daily cap; for a lifetime cap the day after its settled spend, or its start.</summary>
        public static DateTime ReadFrom(Campaign campaign, CapState? state, DateTime today)
        {
            if (!(campaign.LifetimeSpendCap > 0))
            {
                return today;
            }

            DateTime from = state?.SettledThrough?.AddDays(1) ?? (campaign.StartTime ?? campaign.CreatedTime ?? today).Date;
            DateTime oldest = today.AddDays(-AnalyticsLimits.ReportDaysBack);
            return from < oldest ? oldest : from > today ? today : from;
        }

        /// <param name="spend">Each watched campaign's spend by UTC day since its <see cref="ReadFrom"/>, in the account's currency.</param>
        /// <returns>The caps reached since the last look, and every watched campaign's new cap state.</returns>
        public static (List<StateChange> Changes, Dictionary<string, CapState> States) Judge(
            IEnumerable<Campaign> campaigns,
            IReadOnlyDictionary<string, Dictionary<DateTime, decimal>> spend,
            IReadOnlyDictionary<string, CapState> previous,
            DateTime today,
            DateTimeOffset detectedAt)
        {
            var changes = new List<StateChange>();
            var states = new Dictionary<string, CapState>(StringComparer.Ordinal);
            foreach (var campaign in campaigns.Where(IsWatched))
            {
                previous.TryGetValue(campaign.Id, out var was);
                var days = spend.TryGetValue(campaign.Id, out var read) ? read : new Dictionary<DateTime, decimal>();
                var state = new CapState { DailyReachedOn = was?.DailyReachedOn, LifetimeReached = was?.LifetimeReached ?? false };
                StateChange Reached(ChangeKind kind, decimal cap, decimal spent, string what) => new StateChange
                {
                    AdAccountId = campaign.AdAccountId,
                    Kind = AdsKind.Campaign,
                    Id = campaign.Id,
                    Name = campaign.Name,
                    Change = kind,
                    Before = CurrencyText.Format(cap, campaign.Currency),
                    After = CurrencyText.Format(spent, campaign.Currency),
                    DetectedAt = detectedAt,
                    Message = $"{ChangeText.Subject(AdsKind.Campaign, campaign.Id, campaign.Name)} reached its {what}: {CurrencyText.Format(spent, campaign.Currency)} spent of {CurrencyText.Format(cap, campaign.Currency)}.",
                };

                if (campaign.DailySpendCap is decimal daily && daily > 0)
                {
                    decimal spentToday = days.TryGetValue(today, out decimal amount) ? amount : 0m;
                    if (spentToday >= daily && was?.DailyReachedOn != today)
                    {
                        changes.Add(Reached(ChangeKind.DailyCapReached, daily, spentToday, $"daily spend cap today ({DateSpan.Format(today)} UTC)"));
                        state.DailyReachedOn = today;
                    }
                }

                if (campaign.LifetimeSpendCap is decimal lifetime && lifetime > 0)
                {
                    DateTime settleThrough = today.AddDays(-SettleDays);
                    decimal settled = was?.SettledSpend ?? 0m;
                    decimal lifetimeSpend = settled + days.Values.Sum();
                    state.SettledSpend = settled + days.Where(d => d.Key <= settleThrough).Sum(d => d.Value);
                    state.SettledThrough = was?.SettledThrough is DateTime through && through > settleThrough ? through : settleThrough;
                    bool reached = lifetimeSpend >= lifetime;
                    if (reached && !state.LifetimeReached)
                    {
                        changes.Add(Reached(ChangeKind.LifetimeCapReached, lifetime, lifetimeSpend, "lifetime spend cap"));
                    }

                    state.LifetimeReached = reached;
                }

                states[campaign.Id] = state;
            }

            return (changes, states);
        }
    }
}
