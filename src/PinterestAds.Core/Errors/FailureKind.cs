namespace PinterestAds.Core.Errors
{
    /// <summary>
    /// What went wrong, in terms the PowerShell layer maps one-to-one onto ErrorCategory.
    /// Core stays free of System.Management.Automation so it can be tested without a host.
    /// </summary>
    public enum FailureKind
    {
        InvalidArgument,
        NotConnected,
        Authentication,
        PermissionDenied,
        NotFound,
        Conflict,
        LimitsExceeded,
        Connection,
        OperationTimeout,
        Server,
        InvalidResult,
    }
}
