namespace PinterestAds.Testing.Contract
{
    /// <summary>A request to validate (PowerShell-friendly alternative to the tuple overload of <see cref="OpenApiContract.ValidateAll(System.Collections.Generic.IEnumerable{ContractRequest})"/>).</summary>
    public sealed class ContractRequest
    {
        /// <summary>Creates an empty request; set the properties.</summary>
        public ContractRequest()
        {
        }

        /// <summary>Creates a request.</summary>
        public ContractRequest(string method, string path, string? query, string? body, string? contentType)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            ContentType = contentType;
        }

        /// <summary>HTTP method, e.g. <c>POST</c>.</summary>
        public string Method { get; set; } = "GET";

        /// <summary>Request path, e.g. <c>/v5/ad_accounts/1/campaigns</c> (a full URL is accepted too).</summary>
        public string Path { get; set; } = "/";

        /// <summary>Raw query string with or without the leading <c>?</c>; null or empty for none.</summary>
        public string? Query { get; set; }

        /// <summary>Raw request body; null or empty for none.</summary>
        public string? Body { get; set; }

        /// <summary>Content-Type header value; null means "infer" (JSON when the operation accepts it).</summary>
        public string? ContentType { get; set; }
    }
}
