using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Errors;
using PinterestAds.PowerShell.Cmdlets.Analytics;

namespace PinterestAds.PowerShell.Analytics
{
    /// <summary>
    /// Gathers Get-PinAnalytics' input, record by record, into one query per ad account and level:
    /// piped campaigns, ad groups or ads set the level (or roll up to -Level: an ad group's campaign)
    /// and the ids, and lend their names to the rows; CSV rows and the command line give ids by
    /// parameter. Made at BeginProcessing, when only the command line is bound.
    /// </summary>
    internal sealed class AnalyticsInput
    {
        private readonly GetPinAnalyticsCommand _cmdlet;
        private readonly HashSet<string> _commandLine;
        private readonly Dictionary<(PinterestId Account, AnalyticsLevel Level), Gathered> _gathered = new Dictionary<(PinterestId, AnalyticsLevel), Gathered>();

        public AnalyticsInput(GetPinAnalyticsCommand cmdlet)
        {
            _cmdlet = cmdlet;
            _commandLine = new HashSet<string>(cmdlet.MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>What errors about this record point at: the piped object, else the ad account id.</summary>
        public object? ErrorTarget => _cmdlet.InputObject?.BaseObject ?? _cmdlet.AdAccountId;

        /// <summary>Takes the current record's ad account, level and ids; an error names the parameter.</summary>
        public void Add()
        {
            var account = PinterestId.Parse(nameof(_cmdlet.AdAccountId), _cmdlet.AdAccountId);
            if (_cmdlet.InputObject?.BaseObject is AdsEntity entity && !IdsOnCommandLine())
            {
                AddEntity(account, entity);
                return;
            }

            var (parameter, ids, level) = GivenIds();
            var query = Gather(account, _cmdlet.Level ?? level);
            if (_cmdlet.Level is AnalyticsLevel asked && parameter != null && asked != level)
            {
                throw PinterestAdsException.InvalidArgument(nameof(_cmdlet.Level), $"{asked} does not go with -{parameter}: give the ids of that level, or leave -Level out.", asked);
            }

            query.Ids.AddRange(PinterestId.ParseAll(parameter ?? string.Empty, ids));
        }

        /// <summary>One query per ad account and level, in the order they were first given.</summary>
        public IEnumerable<AnalyticsQuery> Queries(Action<AnalyticsQuery> settings) =>
            _gathered.Values.Select(g =>
            {
                var query = new AnalyticsQuery(g.Account, g.Level, g.Ids.Distinct().ToArray()) { Names = g.Names.Count > 0 ? g.Names : null };
                settings(query);
                return query;
            });

        private void AddEntity(PinterestId account, AdsEntity entity)
        {
            AnalyticsLevel level = _cmdlet.Level ?? LevelOf(entity.Kind);
            var query = Gather(account, level);
            if (level == AnalyticsLevel.AdAccount)
            {
                return;
            }

            string id = entity.IdOf(KindOf(level)) ?? throw PinterestAdsException.InvalidArgument(
                nameof(_cmdlet.Level),
                $"{level} is below the piped {entity.Kind} {entity.Id}: pipe the {level} entities themselves (Get-Pin{level} -{entity.Kind}Id {entity.Id}) or leave -Level out.",
                entity);
            query.Ids.Add(PinterestId.Parse(nameof(_cmdlet.InputObject), id));
            if (entity.Kind == KindOf(level))
            {
                query.Names[id] = entity.Name;
            }
        }

        /// <summary>Which of -CampaignId, -AdGroupId and -AdId this record gives (at most one), with its level.</summary>
        private (string? Parameter, string[]? Ids, AnalyticsLevel Level) GivenIds()
        {
            var given = new List<(string Parameter, string[] Ids, AnalyticsLevel Level)>();
            Add(given, nameof(_cmdlet.CampaignId), _cmdlet.CampaignId, AnalyticsLevel.Campaign);
            Add(given, nameof(_cmdlet.AdGroupId), _cmdlet.AdGroupId, AnalyticsLevel.AdGroup);
            Add(given, nameof(_cmdlet.AdId), _cmdlet.AdId, AnalyticsLevel.Ad);
            if (given.Count > 1)
            {
                throw PinterestAdsException.InvalidArgument(given[1].Parameter, $"give the ids of one level at a time: -{given[0].Parameter} and -{given[1].Parameter} were both given.", given[1].Ids);
            }

            return given.Count == 0 ? (null, null, AnalyticsLevel.AdAccount) : given[0];
        }

        private static void Add(List<(string, string[], AnalyticsLevel)> given, string parameter, string[]? ids, AnalyticsLevel level)
        {
            if (ids is { Length: > 0 })
            {
                given.Add((parameter, ids, level));
            }
        }

        private bool IdsOnCommandLine() =>
            _commandLine.Contains(nameof(_cmdlet.CampaignId)) || _commandLine.Contains(nameof(_cmdlet.AdGroupId)) || _commandLine.Contains(nameof(_cmdlet.AdId));

        private Gathered Gather(PinterestId account, AnalyticsLevel level)
        {
            if (!_gathered.TryGetValue((account, level), out var gathered))
            {
                _gathered[(account, level)] = gathered = new Gathered(account, level);
            }

            return gathered;
        }

        private static AnalyticsLevel LevelOf(AdsKind kind) => kind switch
        {
            AdsKind.Campaign => AnalyticsLevel.Campaign,
            AdsKind.AdGroup => AnalyticsLevel.AdGroup,
            _ => AnalyticsLevel.Ad,
        };

        private static AdsKind KindOf(AnalyticsLevel level) => level switch
        {
            AnalyticsLevel.Campaign => AdsKind.Campaign,
            AnalyticsLevel.AdGroup => AdsKind.AdGroup,
            _ => AdsKind.Ad,
        };

        private sealed class Gathered
        {
            public Gathered(PinterestId account, AnalyticsLevel level)
            {
                Account = account;
                Level = level;
            }

            public PinterestId Account { get; }

            public AnalyticsLevel Level { get; }

            public List<PinterestId> Ids { get; } = new List<PinterestId>();

            public Dictionary<string, string?> Names { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);
        }
    }
}
