using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// The short page the browser shows after it returns to the redirect address. It never
    /// contains the authorization code, and tells the user what to do next.
    /// </summary>
    internal sealed class SignInResponsePage
    {
        public static readonly SignInResponsePage SignedIn = new SignInResponsePage(200, "Signed in", "You are signed in to Pinterest Ads in PowerShell. You can close this window.");

        public static readonly SignInResponsePage NotCompleted = new SignInResponsePage(200, "Sign-in not completed", "Pinterest did not grant access. You can close this window.");

        public static readonly SignInResponsePage Refused = new SignInResponsePage(400, "Sign-in refused", "The sign-in response did not match this sign-in (state mismatch). Close this window and run Connect-PinterestAds again.");

        /// <summary>For anything else the browser asks this address for (/favicon.ico and the like).</summary>
        public static readonly SignInResponsePage NotFound = new SignInResponsePage(404, "Not found", "This address only receives the Pinterest sign-in.");

        private readonly int _status;
        private readonly string _title;
        private readonly string _text;

        private SignInResponsePage(int status, string title, string text)
        {
            _status = status;
            _title = title;
            _text = text;
        }

        /// <summary>The whole HTTP/1.1 response: the page is sent once and the connection closed.</summary>
        public byte[] ToHttpResponse()
        {
            string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(_title) + "</title></head><body style=\"font-family:sans-serif\"><h1>"
                + WebUtility.HtmlEncode(_title) + "</h1><p>" + WebUtility.HtmlEncode(_text) + "</p></body></html>";
            byte[] body = Encoding.UTF8.GetBytes(html);
            string reason = _status == 200 ? "OK" : _status == 400 ? "Bad Request" : "Not Found";
            string head = string.Format(CultureInfo.InvariantCulture, "HTTP/1.1 {0} {1}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {2}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n", _status, reason, body.Length);
            byte[] headBytes = Encoding.ASCII.GetBytes(head);
            byte[] all = new byte[headBytes.Length + body.Length];
            Buffer.BlockCopy(headBytes, 0, all, 0, headBytes.Length);
            Buffer.BlockCopy(body, 0, all, headBytes.Length, body.Length);
            return all;
        }
    }
}
