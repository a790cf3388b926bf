using System.Security.Cryptography;
using System.Text;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// What "the same request" means for an idempotency key: SHA-256 of method, path (with query)
    /// and body bytes (or the request's <see cref="ApiRequest.Identity"/>, which stands for a body
    /// that holds something made on the way). A key reused with a different fingerprint is an
    /// error, never a replay.
    /// </summary>
    public static class RequestFingerprint
    {
        public static string Of(ApiRequest request)
        {
            using var sha = SHA256.Create();
            var head = Encoding.UTF8.GetBytes(request.Method.Method.ToUpperInvariant() + "\n" + request.RelativeUri() + "\n");
            sha.TransformBlock(head, 0, head.Length, null, 0);
            var body = request.Identity ?? request.Body ?? new byte[0];
            sha.TransformFinalBlock(body, 0, body.Length);
            return Hashing.Hex(sha.Hash!);
        }
    }
}
