using PinterestAds.Core.Http;

namespace PinterestAds.Core.Errors
{
    /// <summary>
    /// The OAuth scopes a request needs (the spec's <c>security</c> per operation, FACTS §1), for
    /// the message of a scope error: it says which to ask for instead of only "permission denied".
    /// </summary>
    internal static class RequiredScopes
    {
        /// <summary>E.g. "boards:read, boards:write, pins:read, pins:write" for a pin create; null when not known.</summary>
        public static string? For(ApiRequest request)
        {
            string path = request.Path;
            string first = path.Split('/')[0];
            bool write = request.IsWrite;
            switch (first)
            {
                case "pins":
                    return write ? "boards:read, boards:write, pins:read, pins:write" : "boards:read, pins:read";
                case "boards":
                    return path.EndsWith("/pins", System.StringComparison.Ordinal) ? "boards:read, pins:read" : write ? "boards:read, boards:write" : "boards:read";
                case "media":
                    return write ? "pins:read, pins:write" : "pins:read";
                case "ad_accounts":
                    return write ? "ads:read, ads:write" : "ads:read";
                case "user_account":
                    return "user_accounts:read";
                default:
                    return null;
            }
        }
    }
}
