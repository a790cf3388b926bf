namespace PinterestAds.Testing.Routing
{
    /// <summary>A group of related endpoints that adds its routes to the router.</summary>
    internal interface IEndpointModule
    {
        void Map(Router router);
    }
}
