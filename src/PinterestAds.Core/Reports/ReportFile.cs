using System;
using System.IO;
using System.Text;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// Writes a report to a file, whole or not at all: the page goes to a temporary file beside the
    /// target, which then takes the target's place, so a failure never leaves half a page behind.
    /// </summary>
    public static class ReportFile
    {
        /// <param name="path">A full file system path (the cmdlet resolves what the user typed).</param>
        /// <param name="noClobber">Refuse to replace an existing file.</param>
        public static FileInfo Write(string path, ReportContent content, string title, DateTimeOffset generatedAt, bool noClobber)
        {
            var target = new FileInfo(path);
            if (noClobber && target.Exists)
            {
                throw new PinterestAdsException(
                    "reportFileExists",
                    FailureKind.Conflict,
                    $"{path} already exists and -NoClobber says not to replace it. Nothing was written.",
                    "Choose another -Path, or leave out -NoClobber to replace the file.")
                { Target = path };
            }

            string temporary = Path.Combine(target.DirectoryName ?? ".", "." + target.Name + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    HtmlReport.Write(writer, content, title, generatedAt);
                }

                if (target.Exists)
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                TryDelete(temporary);
                throw new PinterestAdsException(
                    "reportWriteFailed",
                    ex is DirectoryNotFoundException ? FailureKind.NotFound : ex is UnauthorizedAccessException ? FailureKind.PermissionDenied : FailureKind.InvalidArgument,
                    $"The report could not be written to {path}: {ex.Message}",
                    "Check that the folder exists and can be written to, and that the file is not open elsewhere, then run the command again.",
                    ex)
                { Target = path };
            }

            target.Refresh();
            return target;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Best effort: the write already failed, and that error is the one to report.
            }
        }
    }
}
