using System;
using System.Collections.Generic;
using PinterestAds.Core.Ads;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>
    /// What changed between a snapshot and the entities as they are now: new entities (Created),
    /// statuses (StatusChanged, or Archived), and ads' reviews (AdRejected with Pinterest's reasons,
    /// AdApproved). Entities that vanished (deleted drafts) are not reported.
    /// </summary>
    public static class SnapshotDiff
    {
        public static List<StateChange> Compare(AccountSnapshot before, IEnumerable<EntityState> now, string adAccountId, DateTimeOffset detectedAt)
        {
            var changes = new List<StateChange>();
            foreach (var entity in now)
            {
                StateChange Change(ChangeKind kind, string? was, string? isNow, string message) => new StateChange
                {
                    AdAccountId = adAccountId,
                    Kind = entity.Kind,
                    Id = entity.Id,
                    Name = entity.Name,
                    Change = kind,
                    Before = was,
                    After = isNow,
                    DetectedAt = detectedAt,
                    Message = ChangeText.Subject(entity.Kind, entity.Id, entity.Name) + " " + message,
                };

                before.Entities.TryGetValue(entity.Key, out var old);
                if (old is null)
                {
                    changes.Add(Change(ChangeKind.Created, null, entity.Status, $"was created ({entity.Status})."));
                }
                else if (!string.Equals(old.Status, entity.Status, StringComparison.Ordinal))
                {
                    changes.Add(entity.Status == "ARCHIVED"
                        ? Change(ChangeKind.Archived, old.Status, entity.Status, $"was archived (it was {old.Status}).")
                        : Change(ChangeKind.StatusChanged, old.Status, entity.Status, $"changed from {old.Status} to {entity.Status}."));
                }

                if (entity.Kind == AdsKind.Ad && !string.Equals(old?.Review, entity.Review, StringComparison.Ordinal))
                {
                    if (entity.Review == "REJECTED")
                    {
                        var rejected = Change(ChangeKind.AdRejected, old?.Review, entity.Review, $"was rejected: {ChangeText.Reasons(entity.Reasons)}.");
                        rejected.Reasons = entity.Reasons;
                        changes.Add(rejected);
                    }
                    else if (entity.Review == "APPROVED")
                    {
                        changes.Add(Change(ChangeKind.AdApproved, old?.Review, entity.Review, "was approved."));
                    }
                }
            }

            return changes;
        }
    }
}
