using System;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Media
{
    /// <summary>How sending a video or using one can fail, in messages that name the file, the media and what to do.</summary>
    internal static class MediaErrors
    {
        public static PinterestAdsException UploadFailed(UploadFile file, PinterestId mediaId, int attempts, string detail, FailureKind kind) =>
            new PinterestAdsException(
                "mediaUploadFailed",
                kind,
                $"The upload of '{file.FullPath}' (media {mediaId}) failed after {attempts} attempt(s): {detail}. Run Send-PinMedia again when the upload host is reachable; the file is sent again from the start.",
                "Check the network and run Send-PinMedia again.")
            { Target = file.FullPath };

        public static PinterestAdsException ProcessingFailed(UploadFile file, PinterestId mediaId) =>
            new PinterestAdsException(
                "mediaProcessingFailed",
                FailureKind.InvalidArgument,
                $"Pinterest could not process '{file.FullPath}' (media {mediaId}): its status is failed. Pinterest fails an upload that is not a video it can read (MP4, MOV, M4V and the like); check that the file plays, then send it again.",
                "Check that the file is a video that plays, then run Send-PinMedia again.")
            { Target = file.FullPath };

        public static PinterestAdsException ProcessingTimedOut(UploadFile file, PinterestId mediaId, TimeSpan waited, string? status) =>
            new PinterestAdsException(
                "mediaProcessingTimedOut",
                FailureKind.OperationTimeout,
                $"'{file.FullPath}' was uploaded as media {mediaId}, but Pinterest was still processing it after {Durations.Format(waited)} (status {status ?? "unknown"}). " +
                $"Check it later with Get-PinMedia -MediaId {mediaId}; once its Status is succeeded, make the pin with New-PinCreative -Type Video -MediaId {mediaId}.",
                $"Run Get-PinMedia -MediaId {mediaId} later, or wait longer with -TimeoutSeconds.")
            { Target = file.FullPath };

        /// <summary>A video pin's media that is not ready: Pinterest would only answer "media_id not found".</summary>
        public static PinterestAdsException NotReady(string parameter, PinterestId mediaId, string? status) =>
            status == MediaStatus.Failed
                ? new PinterestAdsException(
                    "mediaFailed",
                    FailureKind.InvalidArgument,
                    $"-{parameter}: media {mediaId} failed: Pinterest could not process it as a video, so no pin can use it. Send the video again with Send-PinMedia and use the new media id.",
                    "Send the video again with Send-PinMedia.")
                { Target = mediaId.ToString() }
                : new PinterestAdsException(
                    "mediaNotReady",
                    FailureKind.InvalidArgument,
                    $"-{parameter}: media {mediaId} is still processing (status {status ?? "unknown"}); nothing was sent. Wait until Get-PinMedia -MediaId {mediaId} shows Status succeeded, then run the command again.",
                    $"Wait until Get-PinMedia -MediaId {mediaId} shows succeeded.")
                { Target = mediaId.ToString() };
    }
}
