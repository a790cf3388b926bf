namespace PinterestAds.Testing.Faults
{
    /// <summary>What a fault rule does to a matching request (besides any <see cref="FaultRule.Latency"/>).</summary>
    public enum FaultAction
    {
        /// <summary>Process normally (a latency-only rule).</summary>
        None,

        /// <summary>Answer with the rule's canned status, body and headers; the API never sees the request.</summary>
        Respond,

        /// <summary>Close the connection without processing or answering the request.</summary>
        DropBeforeProcessing,

        /// <summary>Process the request fully (state changes, idempotent response stored), then close without answering.</summary>
        DropAfterCommit,

        /// <summary>Process the request fully, then answer with the rule's status and body instead of the real answer (a malformed success).</summary>
        CommitThenRespond,
    }
}
