namespace PinterestAds.Core.Lookups
{
    /// <summary>An ad group whose name marks it as a variant of an experiment.</summary>
    public sealed class VariantMark
    {
        public VariantMark(string experiment, string variant, bool isControl, string? status)
        {
            Experiment = experiment;
            Variant = variant;
            IsControl = isControl;
            Status = status;
        }

        public string Experiment { get; }

        public string Variant { get; }

        public bool IsControl { get; }

        /// <summary>The ad group's status: ACTIVE, PAUSED or ARCHIVED.</summary>
        public string? Status { get; }
    }
}
