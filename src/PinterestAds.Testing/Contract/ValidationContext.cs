namespace PinterestAds.Testing.Contract
{
    /// <summary>Which part of the request is validated, and the request-mode flags that apply to it.</summary>
    internal sealed class ValidationContext(string location, bool allowReadOnly)
    {
        /// <summary><c>path</c>, <c>query</c> or <c>body</c>: the <see cref="ContractViolation.Location"/> of what is found.</summary>
        public string Location { get; } = location;

        /// <summary>When false, a <c>readOnly</c> property present in the request is a violation.</summary>
        public bool AllowReadOnly { get; } = allowReadOnly;

        public ContractViolation Violation(string pointer, string message) => new ContractViolation(Location, pointer, message);
    }
}
