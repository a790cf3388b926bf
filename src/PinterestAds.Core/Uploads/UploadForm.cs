using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// Where a file goes and the form fields that must precede it: Pinterest's <c>upload_url</c> and
    /// <c>upload_parameters</c> (an S3 POST policy), in the order Pinterest gave them.
    /// </summary>
    public sealed class UploadForm
    {
        public UploadForm(Uri url, IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            Url = url;
            Fields = fields;
        }

        public Uri Url { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>
        /// The upload URL when it is one we may send a file to: https, or plain http only to a
        /// loopback host (the fake API's upload host); null otherwise.
        /// </summary>
        public static Uri? AcceptableUrl(string? text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) ? url : null;
    }
}
