using System;
using System.Collections.Generic;
using System.Text;

namespace PinterestAds.Testing.Contract
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

        /// <summary>HTTP method as given (upper-cased).</summary>
        public string Method { get; }

        /// <summary>Request path as given.</summary>
        public string Path { get; }

        /// <summary>Matched spec path template (without the server base path), or null when no route matched.</summary>
        public string? PathTemplate { get; }

        /// <summary>The matched operation's <c>operationId</c>, or null when no operation matched.</summary>
        public string? OperationId { get; }

        /// <summary>All violations found (empty when valid).</summary>
        public IReadOnlyList<ContractViolation> Violations { get; }

        /// <summary>True when no violation was found.</summary>
        public bool IsValid => Violations.Count == 0;

        /// <summary>Throws <see cref="InvalidOperationException"/> with <see cref="ToString"/> as message when invalid.</summary>
        public void ThrowIfInvalid()
        {
            if (!IsValid) throw new InvalidOperationException(ToString());
        }

        /// <summary>One line when valid; otherwise a header line followed by one line per violation.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append(Method).Append(' ').Append(Path);
            if (PathTemplate != null) sb.Append(" -> ").Append(PathTemplate);
            if (OperationId != null) sb.Append(" (").Append(OperationId).Append(')');
            if (IsValid)
            {
                sb.Append(": conforms to the contract");
                return sb.ToString();
            }

            sb.Append(": ").Append(Violations.Count).Append(Violations.Count == 1 ? " contract violation" : " contract violations");
            foreach (var v in Violations)
            {
                sb.AppendLine();
                sb.Append("  - ").Append(v.ToString());
            }

            return sb.ToString();
        }
    }
}
