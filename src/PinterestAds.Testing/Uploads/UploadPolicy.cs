using System;
using System.Collections.Generic;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>The bytes an accepted upload delivered: how many, and how the file starts (enough to sniff its format).</summary>
    internal sealed class ReceivedFile
    {
        public ReceivedFile(long length, byte[] head)
        {
            Length = length;
            Head = head;
        }

        public long Length { get; }

        public byte[] Head { get; }
    }

    /// <summary>
    /// One issued S3 POST policy: the form fields a client must send before the file, when they
    /// stop working, and whom to tell when the file has arrived.
    /// </summary>
    internal sealed class UploadPolicy
    {
        public UploadPolicy(string key, IReadOnlyList<KeyValuePair<string, string>> fields, DateTimeOffset expires, Action<ReceivedFile> onUploaded)
        {
            Key = key;
            Fields = fields;
            Expires = expires;
            OnUploaded = onUploaded;
        }

        public string Key { get; }

        /// <summary>The upload_parameters, in the order the API hands them out.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        public DateTimeOffset Expires { get; }

        public Action<ReceivedFile> OnUploaded { get; }

        public string? Field(string name)
        {
            foreach (var field in Fields)
            {
                if (field.Key == name)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }
}
