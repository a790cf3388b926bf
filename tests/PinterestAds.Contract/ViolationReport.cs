using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Json.Schema;

namespace PinterestAds.Contract
{
    /// <summary>
    /// Turns JsonSchema.Net's hierarchical results into violations: each failed keyword where it failed, except inside
    /// an <c>if</c> (a condition, not a rule), and a failed <c>anyOf</c> explained by its one plausible branch when all
    /// the others are of the wrong type, else summarised.
    /// </summary>
    internal static class ViolationReport
    {
        private const int MaxBranchesShown = 6;
        private const int MaxDetailLength = 240;

        public static void Collect(EvaluationResults results, string location, List<ContractViolation> violations)
        {
            if (results.IsValid) return;
            string pointer = results.InstanceLocation.ToString();
            foreach (KeyValuePair<string, string> error in results.Errors ?? new Dictionary<string, string>())
            {
                violations.Add(new ContractViolation(location, pointer, Message(results, error.Key, error.Value)));
            }

            var branches = new List<EvaluationResults>();
            foreach (EvaluationResults detail in results.Details ?? new List<EvaluationResults>())
            {
                string keyword = KeywordOf(detail, results);
                if (keyword == "anyOf") branches.Add(detail);
                else if (keyword != "if") Collect(detail, location, violations);
            }

            if (branches.Count > 0 && branches.All(b => !b.IsValid)) ReportAlternatives(branches, pointer, location, violations);
        }

        private static void ReportAlternatives(List<EvaluationResults> branches, string pointer, string location, List<ContractViolation> violations)
        {
            var failures = branches.Select(b =>
            {
                var found = new List<ContractViolation>();
                Collect(b, location, found);
                return found;
            }).ToList();

            // When every branch but one fails on the value's type alone, that one is clearly the intended one.
            var plausible = failures.Where(f => !(f.Count == 1 && f[0].JsonPointer == pointer && f[0].Message.StartsWith("expected ", StringComparison.Ordinal))).ToList();
            if (plausible.Count == 1)
            {
                violations.AddRange(plausible[0]);
                return;
            }

            var summary = new StringBuilder("value matches none of the " + failures.Count + " alternatives:");
            foreach (var (failure, index) in failures.Select((f, i) => (f, i)).Take(MaxBranchesShown))
            {
                string detail = string.Join("; ", failure.Take(2).Select(v => v.JsonPointer.Substring(Math.Min(pointer.Length, v.JsonPointer.Length)) + " " + v.Message));
                if (detail.Length > MaxDetailLength) detail = detail.Substring(0, MaxDetailLength - 3) + "...";
                summary.Append(" [#").Append(index).Append("]").Append(detail);
            }

            violations.Add(new ContractViolation(location, pointer, summary.ToString()));
        }

        /// <summary>The keyword through which <paramref name="parent"/> evaluated <paramref name="detail"/> (the first segment of the extra path).</summary>
        private static string KeywordOf(EvaluationResults detail, EvaluationResults parent)
        {
            string extra = detail.EvaluationPath.ToString().Substring(parent.EvaluationPath.ToString().Length);
            return extra.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        }

        private static string Message(EvaluationResults results, string keyword, string message)
        {
            // A property no schema admits meets the false schema additionalProperties: false stands for.
            string path = results.EvaluationPath.ToString();
            if (keyword.Length == 0 && path.EndsWith("/additionalProperties", StringComparison.Ordinal))
            {
                string instance = results.InstanceLocation.ToString();
                return "property '" + instance.Substring(instance.LastIndexOf('/') + 1) + "' is not allowed here (additionalProperties: false)";
            }

            return message;
        }
    }
}
