namespace PinterestAds.Contract
{
    /// <summary>One way a request breaks the OpenAPI contract.</summary>
    public sealed class ContractViolation
    {
        /// <param name="location">Which part of the request: <c>route</c>, <c>path</c>, <c>query</c>, <c>content-type</c> or <c>body</c>.</param>
        /// <param name="jsonPointer">RFC 6901 pointer into that part (empty = the whole part).</param>
        /// <param name="message">What is wrong.</param>
        public ContractViolation(string location, string jsonPointer, string message)
        {
            Location = location;
            JsonPointer = jsonPointer;
            Message = message;
        }

        /// <summary><c>route</c>, <c>path</c>, <c>query</c>, <c>content-type</c> or <c>body</c>.</summary>
        public string Location { get; }

        /// <summary>
        /// Pointer into <see cref="Location"/>: into the JSON (or form) body such as <c>/0/objective_type</c>; for
        /// path and query parameters <c>/name</c> and below. Empty means the whole part.
        /// </summary>
        public string JsonPointer { get; }

        public string Message { get; }

        /// <summary><c>location/pointer: message</c>, e.g. <c>body/0/objective_type: value "SALES" is not one of ...</c>.</summary>
        public override string ToString() => Location + JsonPointer + ": " + Message;
    }
}
