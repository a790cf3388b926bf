namespace PinterestAds.Testing.Contract
{
    /// <summary>Knobs for <see cref="OpenApiContract.Validate(string, string, string?, string?, string?, ContractValidationOptions)"/>.</summary>
    public sealed class ContractValidationOptions
    {
        /// <summary>Default options (unknown query parameters are violations, readOnly properties are violations).</summary>
        public static ContractValidationOptions Default { get; } = new ContractValidationOptions();

        /// <summary>
        /// Report query parameters the operation does not declare (catches typos such as <c>pagesize</c>).
        /// OpenAPI itself does not forbid extra query parameters, so this is a stricter-than-spec check; default true.
        /// </summary>
        public bool RejectUnknownQueryParameters { get; set; } = true;

        /// <summary>Allow properties marked <c>readOnly: true</c> in request bodies; default false (they are violations).</summary>
        public bool AllowReadOnlyProperties { get; set; }
    }
}
