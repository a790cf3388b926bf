using System.Collections.Generic;

namespace PinterestAds.Contract
{
    /// <summary>The spec operation a request goes to (see <see cref="OpenApiContract.FindOperation"/>).</summary>
    public sealed class ContractOperation
    {
        internal ContractOperation(string method, string pathTemplate, string? operationId, IReadOnlyDictionary<string, string> pathParameters)
        {
            Method = method;
            PathTemplate = pathTemplate;
            OperationId = operationId;
            PathParameters = pathParameters;
        }

        /// <summary>Upper-case HTTP method.</summary>
        public string Method { get; }

        /// <summary>Spec path template without the base path, e.g. <c>/ad_accounts/{ad_account_id}/campaigns</c>.</summary>
        public string PathTemplate { get; }

        /// <summary>The operation's <c>operationId</c> (e.g. <c>campaigns/create</c>).</summary>
        public string? OperationId { get; }

        /// <summary>Percent-decoded path parameter values by name.</summary>
        public IReadOnlyDictionary<string, string> PathParameters { get; }

        public override string ToString() => Method + " " + PathTemplate + (OperationId == null ? string.Empty : " (" + OperationId + ")");
    }
}
