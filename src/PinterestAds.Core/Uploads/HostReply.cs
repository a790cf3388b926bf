using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// What the upload host answered, in words for an error message: S3 answers failures as
    /// <c>&lt;Error&gt;&lt;Code&gt;…&lt;/Code&gt;&lt;Message&gt;…&lt;/Message&gt;&lt;/Error&gt;</c> XML.
    /// </summary>
    internal sealed class HostReply
    {
        // An error document is a few hundred bytes; a host that sends more is not telling us more.
        private const int MaxRead = 16 * 1024;

        private HostReply(int status, string? code, string? message)
        {
            Status = status;
            Code = code;
            Message = message;
        }

        public int Status { get; }

        /// <summary>S3's error code (AccessDenied, SlowDown, RequestTimeout, …); null when the body had none.</summary>
        public string? Code { get; }

        public string? Message { get; }

        public bool IsSuccess => Status >= 200 && Status < 300;

        /// <summary>"403 AccessDenied: Invalid according to Policy: Policy expired."</summary>
        public string Describe() =>
            Status.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Code is null ? string.Empty : " " + Code) + (Message is null ? string.Empty : ": " + Message);

        /// <summary>Reads at most the first 16 kB of <paramref name="body"/>.</summary>
        public static async Task<HostReply> ReadAsync(int status, Stream body, CancellationToken cancellationToken)
        {
            var bytes = new byte[MaxRead];
            int length = 0;
            int read;
            while (length < bytes.Length && (read = await body.ReadAsync(bytes, length, bytes.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            var (code, message) = ParseError(Encoding.UTF8.GetString(bytes, 0, length));
            return new HostReply(status, code, message);
        }

        private static (string? Code, string? Message) ParseError(string text)
        {
            if (text.Trim().Length == 0)
            {
                return (null, null);
            }

            try
            {
                var error = XDocument.Parse(text).Root;
                if (error?.Name.LocalName == "Error")
                {
                    string? Child(string name) => error.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
                    return (Child("Code"), Child("Message"));
                }
            }
            catch (XmlException)
            {
                // Not S3's XML (a proxy's HTML page, say): show its start instead.
            }

            string flat = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
            return (null, flat.Length > 200 ? flat.Substring(0, 200) + "…" : flat);
        }
    }
}
