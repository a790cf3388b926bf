using System;
using System.Collections.Generic;
using System.Text;

namespace PinterestAds.Contract
{
    /// <summary>The outcome of validating one request against the OpenAPI description.</summary>
    public sealed class ContractResult
    {
        internal ContractResult(string method, string path, string? pathTemplate, string? operationId, IReadOnlyList<ContractViolation> violations)
        {
            Method = method;
            Path = path;
            PathTemplate = pathTemplate;
            OperationId = operationId;
            Violations = violations;
        }

        /// <summary>HTTP method as given, upper-cased.</summary>
        public string Method { get; }

        /// <summary>Request path as given.</summary>
        public string Path { get; }

        /// <summary>Matched spec path template (without the base path), or null when no route matched.</summary>
        public string? PathTemplate { get; }

        /// <summary>The matched operation's <c>operationId</c>, or null when no operation matched.</summary>
        public string? OperationId { get; }

        /// <summary>Every violation found (empty when valid).</summary>
        public IReadOnlyList<ContractViolation> Violations { get; }

        public bool IsValid => Violations.Count == 0;

        /// <summary>Throws <see cref="InvalidOperationException"/> with <see cref="ToString"/> as its message when invalid.</summary>
        public void ThrowIfInvalid()
        {
            if (!IsValid) throw new InvalidOperationException(ToString());
        }

        /// <summary>One line when valid; otherwise a header line and one line per violation.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(Method).Append(' ').Append(Path);
            if (PathTemplate != null) text.Append(" -> ").Append(PathTemplate);
            if (OperationId != null) text.Append(" (").Append(OperationId).Append(')');
            if (IsValid) return text.Append(": conforms to the contract").ToString();

            text.Append(": ").Append(Violations.Count).Append(Violations.Count == 1 ? " contract violation" : " contract violations");
            foreach (ContractViolation violation in Violations) text.AppendLine().Append("  - ").Append(violation);
            return text.ToString();
        }
    }
}
