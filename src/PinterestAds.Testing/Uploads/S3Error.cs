using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using PinterestAds.Testing.Http;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>
    /// Errors in Amazon S3's shape (<c>&lt;Error&gt;&lt;Code&gt;…&lt;/Code&gt;&lt;Message&gt;…</c>, XML), because
    /// the upload host and report downloads stand in for S3, not for Pinterest's JSON API.
    /// </summary>
    internal sealed class S3Error
    {
        private readonly (string Name, string Value)[] _extra;

        private S3Error(int status, string code, string message, params (string Name, string Value)[] extra)
        {
            Status = status;
            Code = code;
            Message = message;
            _extra = extra;
        }

        public int Status { get; }

        /// <summary>S3's error code, e.g. InvalidArgument.</summary>
        public string Code { get; }

        public string Message { get; }

        /// <summary>
        /// S3 echoes a bad Authorization header back in ArgumentValue; the fake never does, so a
        /// client that shows the host's message cannot leak its bearer token through it.
        /// </summary>
        public static S3Error UnsupportedAuthorization() =>
            new S3Error(400, "InvalidArgument", "Unsupported Authorization Type", ("ArgumentName", "Authorization"));

        public static S3Error MissingField(string field) =>
            new S3Error(400, "InvalidArgument", "Bucket POST must contain a field named '" + field + "'.  If it is specified, please check the order of the fields.", ("ArgumentName", field), ("ArgumentValue", string.Empty));

        public static S3Error FileCount() =>
            new S3Error(400, "InvalidArgument", "POST requires exactly one file upload per request.", ("ArgumentName", "file"), ("ArgumentValue", "0"));

        public static S3Error NotMultipart() =>
            new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", ("Condition", "Bucket POST must be of the enclosure-type multipart/form-data"));

        public static S3Error Malformed() =>
            new S3Error(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");

        public static S3Error PolicyFailed(string condition) =>
            new S3Error(403, "AccessDenied", "Invalid according to Policy: " + condition);

        public static S3Error SignatureMismatch() =>
            new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");

        /// <summary>A pre-signed URL used together with an Authorization header (S3's own wording).</summary>
        public static S3Error TwoAuthMechanisms() =>
            new S3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified", ("ArgumentName", "Authorization"));

        public static S3Error Expired() =>
            new S3Error(403, "AccessDenied", "Request has expired");

        public static S3Error NoSuchKey() =>
            new S3Error(404, "NoSuchKey", "The specified key does not exist.");

        public HttpResponseData ToResponse(string requestId)
        {
            var text = new StringBuilder();
            using (var writer = XmlWriter.Create(new StringWriter(text), new XmlWriterSettings { OmitXmlDeclaration = true }))
            {
                writer.WriteStartElement("Error");
                writer.WriteElementString("Code", Code);
                writer.WriteElementString("Message", Message);
                foreach (var (name, value) in _extra)
                {
                    writer.WriteElementString(name, value);
                }

                writer.WriteElementString("RequestId", requestId);
                writer.WriteEndElement();
            }

            byte[] body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text);
            return new HttpResponseData(Status, "application/xml", body, new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("x-amz-request-id", requestId) });
        }
    }
}
