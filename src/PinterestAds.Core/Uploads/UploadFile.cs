using System;
using System.IO;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// A file to upload, checked where it enters Core: it exists, is a file, is not empty. Only
    /// its name and length are kept; its bytes are read from disk while they are sent.
    /// </summary>
    public sealed class UploadFile
    {
        private UploadFile(string fullPath, long length)
        {
            FullPath = fullPath;
            Length = length;
        }

        /// <summary>The absolute path (already resolved against the caller's current location).</summary>
        public string FullPath { get; }

        public string Name => Path.GetFileName(FullPath);

        /// <summary>Bytes, when the file was checked.</summary>
        public long Length { get; }

        /// <param name="parameter">The parameter that named the file, for errors.</param>
        public static UploadFile Open(string parameter, string fullPath)
        {
            if (Directory.Exists(fullPath))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{fullPath}' is a folder; give a video file (pipe Get-ChildItem *.mp4 to send every video in it).", fullPath);
            }

            FileInfo file;
            try
            {
                file = new FileInfo(fullPath);
                if (!file.Exists)
                {
                    throw PinterestAdsException.InvalidArgument(parameter, $"the file '{fullPath}' does not exist.", fullPath);
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{fullPath}' cannot be read as a file: {ex.Message}", fullPath);
            }

            if (file.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"the file '{fullPath}' is empty; give a video file.", fullPath);
            }

            return new UploadFile(file.FullName, file.Length);
        }

        public override string ToString() => FullPath;
    }
}
