namespace PinterestAds.Testing.Contract
{
    /// <summary>One way a request breaks the OpenAPI contract.</summary>
    public sealed class ContractViolation
    {
        /// <summary>Creates a violation.</summary>
        /// <param name="location">Which part of the request: <c>route</c>, <c>path</c>, <c>query</c>, <c>content-type</c> or <c>body</c>.</param>
        /// <param name="jsonPointer">RFC 6901 pointer into that part (empty string = the whole part).</param>
        /// <param name="message">Readable description.</param>
        public ContractViolation(string location, string jsonPointer, string message)
        {
            Location = location;
            JsonPointer = jsonPointer;
            Message = message;
        }

        /// <summary>Which part of the request: <c>route</c>, <c>path</c>, <c>query</c>, <c>content-type</c> or <c>body</c>.</summary>
        public string Location { get; }

        /// <summary>
        /// RFC 6901 pointer into <see cref="Location"/>: for the body a pointer into the JSON
        /// (or form) document such as <c>/0/objective_type</c>; for parameters <c>/name</c>.
        /// Empty means the whole part.
        /// </summary>
        public string JsonPointer { get; }

        /// <summary>Readable description of the problem.</summary>
        public string Message { get; }

        /// <summary><c>location/pointer: message</c>, e.g. <c>body/0/name: required property 'name' is missing</c>.</summary>
        public override string ToString() => Location + JsonPointer + ": " + Message;
    }
}
