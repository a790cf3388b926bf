namespace PinterestAds.Core.Http
{
    /// <summary>Which Pinterest deployment a context talks to.</summary>
    public enum PinterestEnvironment
    {
        Production,
        Sandbox,
        /// <summary>An explicit base URI (for example the built-in fake API).</summary>
        Custom,
    }
}
