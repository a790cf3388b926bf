using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Http;

namespace PinterestAds.Testing.Json
{
    /// <summary>Factories for the response kinds the fake API produces.</summary>
    internal static class ApiResults
    {
        public const string JsonContentType = "application/json; charset=utf-8";

        public static HttpResponseData Json(int status, JsonNode body) =>
            new HttpResponseData(status, JsonContentType, ApiJson.ToUtf8(body));

        public static HttpResponseData Error(int status, int code, string message) =>
            Json(status, ApiJson.Error(code, message));

        public static HttpResponseData Unauthenticated() => Error(401, 2, "Authentication failed.");

        public static HttpResponseData Html(int status, string title, string text)
        {
            string html = "<!DOCTYPE html><html><head><title>" + WebUtility.HtmlEncode(title) + "</title></head><body><h1>"
                + WebUtility.HtmlEncode(title) + "</h1><p>" + WebUtility.HtmlEncode(text) + "</p></body></html>";
            return new HttpResponseData(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
        }

        public static HttpResponseData Redirect(string location) =>
            new HttpResponseData(302, "text/html; charset=utf-8", Encoding.UTF8.GetBytes("<a href=\"" + WebUtility.HtmlEncode(location) + "\">Redirecting</a>"),
                new[] { new KeyValuePair<string, string>("Location", location) });

        public static HttpResponseData Empty(int status) => new HttpResponseData(status, null, null);
    }
}
