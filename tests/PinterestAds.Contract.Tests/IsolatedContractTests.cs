using System.Runtime.Loader;
using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>The copy pwsh uses: loaded beside, not over, whatever JsonSchema.Net the host already has.</summary>
public sealed class IsolatedContractTests
{
    [SpecFact]
    public void TheIsolatedContractValidatesFromItsOwnLoadContext()
    {
        object contract = IsolatedContract.Load(SpecLocation.Path!);

        Assert.Equal(typeof(OpenApiContract).FullName, contract.GetType().FullName);
        Assert.NotEqual(typeof(OpenApiContract), contract.GetType());
        AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(contract.GetType().Assembly)!;
        Assert.Equal("PinterestAds.Contract", context.Name);
        Assert.Contains(context.Assemblies, a => a.GetName().Name == "JsonSchema.Net");
        Assert.Same(contract, IsolatedContract.Load(SpecLocation.Path!));

        dynamic isolated = contract;
        Assert.True((bool)isolated.Validate("POST", "/v5/media", null, "{\"media_type\":\"video\"}", "application/json").IsValid);
        Assert.False((bool)isolated.Validate("POST", "/v5/media", null, "{\"media_type\":\"image\"}", "application/json").IsValid);
    }

    [Fact]
    public void AMissingSpecIsReportedAsItself()
        => Assert.Throws<FileNotFoundException>(() => IsolatedContract.Load(Path.Combine(Path.GetTempPath(), "no-such-spec-" + Guid.NewGuid().ToString("N") + ".json")));
}
