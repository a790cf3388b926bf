using System.Collections.Generic;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>
    /// What the fake upload host saw of one multipart POST, kept in the request log
    /// (<see cref="Logging.RecordedRequest.Upload"/>) so tests can assert field order, size and headers
    /// without the server ever holding the file.
    /// </summary>
    public sealed class UploadRecord
    {
        internal UploadRecord(
            IReadOnlyList<string> fieldNames,
            string? key,
            string? fileName,
            string? fileContentType,
            long fileBytes,
            string fileHead,
            bool completed,
            bool hadAuthorization,
            string? errorCode)
        {
            FieldNames = fieldNames;
            Key = key;
            FileName = fileName;
            FileContentType = fileContentType;
            FileBytes = fileBytes;
            FileHead = fileHead;
            Completed = completed;
            HadAuthorization = hadAuthorization;
            ErrorCode = errorCode;
        }

        /// <summary>Every form part's name in arrival order, <c>file</c> included (e.g. key, policy, ..., file).</summary>
        public IReadOnlyList<string> FieldNames { get; }

        /// <summary>Position of the <c>file</c> part in <see cref="FieldNames"/>, or -1 when none arrived.</summary>
        public int FileFieldIndex
        {
            get
            {
                for (int i = 0; i < FieldNames.Count; i++)
                {
                    if (FieldNames[i] == "file")
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        /// <summary>True when every other field arrived before the file, as an S3 POST policy requires.</summary>
        public bool FieldsBeforeFile => FileFieldIndex == FieldNames.Count - 1 && FileFieldIndex > 0;

        /// <summary>The <c>key</c> field's value (names the media upload), or null.</summary>
        public string? Key { get; }

        /// <summary>The file part's <c>filename</c>.</summary>
        public string? FileName { get; }

        /// <summary>The file part's own Content-Type header.</summary>
        public string? FileContentType { get; }

        /// <summary>File bytes received (counted as they streamed past; never buffered).</summary>
        public long FileBytes { get; }

        /// <summary>The first bytes of the file in hex (at most 16), e.g. <c>000000186674797069736F6D</c>.</summary>
        public string FileHead { get; }

        /// <summary>False when the body did not arrive whole (dropped by the client or by an injected fault).</summary>
        public bool Completed { get; }

        /// <summary>True when the request carried an Authorization header (the upload host refuses it).</summary>
        public bool HadAuthorization { get; }

        /// <summary>The S3 error code the host answered (InvalidArgument, AccessDenied, ...), or null on success.</summary>
        public string? ErrorCode { get; }

        public override string ToString() => string.Join(",", FieldNames) + " " + FileBytes + " bytes" + (ErrorCode != null ? " " + ErrorCode : string.Empty);
    }
}
