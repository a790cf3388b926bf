using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PinterestAds.Testing.Contract
{
    /// <summary>One anyOf/oneOf branch that a value failed, with what it reported.</summary>
    internal sealed class BranchFailure(string label, List<ContractViolation> violations)
    {
        /// <summary>The branch's schema name, title or "#index type".</summary>
        public string Label { get; } = label;

        public List<ContractViolation> Violations { get; } = violations;
    }

    /// <summary>
    /// Explains why a value matched none of the anyOf/oneOf alternatives as precisely as the failures allow: the
    /// violations of the one plausible branch, else those of the clearly closest branch, else a summary of all.
    /// </summary>
    internal static class AlternativesReport
    {
        private const int MaxBranchesShown = 6;
        private const int ViolationsShownPerBranch = 2;
        private const int MaxDetailLength = 240;

        public static void Report(List<BranchFailure> failures, string keyword, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            if (failures.Count == 0) return;

            // When all but one branch fail on the top-level type, the remaining branch is clearly the intended one:
            // report its violations directly (precise pointers) instead of a summary.
            var plausible = failures.Where(f => !FailsOnTypeAlone(f, pointer)).ToList();
            if (plausible.Count == 1)
            {
                errors.AddRange(plausible[0].Violations);
                return;
            }

            if (TryReportClosest(plausible, failures.Count, keyword, errors)) return;
            errors.Add(ctx.Violation(pointer, Summary(failures, keyword, pointer)));
        }

        private static bool FailsOnTypeAlone(BranchFailure failure, string pointer)
            => failure.Violations.Count == 1
               && failure.Violations[0].JsonPointer == pointer
               && failure.Violations[0].Message.StartsWith("expected ", StringComparison.Ordinal);

        /// <summary>
        /// Reports the branch that got furthest into the instance (deepest violation, then fewest violations) when
        /// it is a unique best, naming it as the closest alternative.
        /// </summary>
        private static bool TryReportClosest(List<BranchFailure> plausible, int alternatives, string keyword, List<ContractViolation> errors)
        {
            var ranked = plausible
                .Select(f => new { Failure = f, Depth = f.Violations.Max(v => JsonPointer.Depth(v.JsonPointer)), f.Violations.Count })
                .OrderByDescending(f => f.Depth).ThenBy(f => f.Count)
                .ToList();
            bool uniqueBest = ranked.Count > 1 && (ranked[0].Depth > ranked[1].Depth || (ranked[0].Depth == ranked[1].Depth && ranked[0].Count < ranked[1].Count));
            if (!uniqueBest) return false;

            string note = " (closest of the " + alternatives + " " + keyword + " alternatives: " + ranked[0].Failure.Label + ")";
            // A violation from a nested alternatives report already names its closest branch.
            errors.AddRange(ranked[0].Failure.Violations.Select(v => v.Message.EndsWith(")", StringComparison.Ordinal) && v.Message.Contains(" alternatives: ")
                ? v
                : new ContractViolation(v.Location, v.JsonPointer, v.Message + note)));
            return true;
        }

        private static string Summary(List<BranchFailure> failures, string keyword, string pointer)
        {
            var sb = new StringBuilder();
            sb.Append("value matches none of the ").Append(failures.Count).Append(" alternatives of ").Append(keyword).Append(':');
            foreach (BranchFailure failure in failures.Take(MaxBranchesShown))
            {
                string detail = string.Join("; ", failure.Violations.Take(ViolationsShownPerBranch).Select(v => JsonPointer.RelativePrefix(v.JsonPointer, pointer) + v.Message));
                if (failure.Violations.Count > ViolationsShownPerBranch) detail += "; ...";
                if (detail.Length > MaxDetailLength) detail = detail.Substring(0, MaxDetailLength - 3) + "...";
                sb.Append(" [").Append(failure.Label).Append("] ").Append(detail);
            }

            if (failures.Count > MaxBranchesShown) sb.Append(" ... (").Append(failures.Count - MaxBranchesShown).Append(" more)");
            return sb.ToString();
        }
    }
}
