using System.Text.Json;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Ads.Values;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

/// <summary>Locates openapi.json: $env:PINTEREST_OPENAPI_SPEC, else shared/pinterest-api/ beside the repository.</summary>
internal static class Spec
{
    public static readonly string? Path = Locate();

    public static bool IsCI => Environment.GetEnvironmentVariable("CI") is "true" or "TRUE" or "True" or "1";

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("PINTEREST_OPENAPI_SPEC") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PinterestAds.sln")))
            {
                return System.IO.Path.Combine(folder.Parent?.FullName ?? folder.FullName, "shared", "pinterest-api", "openapi.json");
            }
        }

        return null;
    }
}

/// <summary>Skipped when the spec is missing, except under CI=true, where the test runs and fails.</summary>
public sealed class SpecFactAttribute : FactAttribute
{
    public SpecFactAttribute()
    {
        if (!(Spec.Path is string path && File.Exists(path)) && !Spec.IsCI)
        {
            Skip = "Pinterest's openapi.json was not found (set PINTEREST_OPENAPI_SPEC).";
        }
    }
}

public sealed class SpecConformanceTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllBytes(Spec.Path ?? throw new FileNotFoundException("openapi.json not found"))));

    private static JsonElement Schema(string name) => Document.Value.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static string[] Enum(JsonElement schema) =>
        schema.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray();

    public static IEnumerable<object[]> Enumerations() => new[]
    {
        new object[] { "EntityStatus", SpecValues.EntityStatuses },
        new object[] { "ObjectiveType", SpecValues.ObjectiveTypes },
        new object[] { "ActionType", SpecValues.BillableEvents },
        new object[] { "BudgetType", SpecValues.BudgetTypes },
        new object[] { "PacingDeliveryType", SpecValues.PacingDeliveryTypes },
        new object[] { "PlacementGroupType", SpecValues.PlacementGroups },
        new object[] { "CreativeType", SpecValues.CreativeTypes },
        new object[] { "CustomizableCTAType", SpecValues.CallToActionTypes },
        new object[] { "TargetingSpecAgeBucket", SpecValues.AgeBuckets },
        new object[] { "TargetingSpecAppType", SpecValues.AppTypes },
        new object[] { "TargetingSpecGender", SpecValues.Genders },
    };

    [SpecFact]
    public void Every_enumeration_matches_the_spec()
    {
        foreach (var row in Enumerations())
        {
            Assert.Equal(Enum(Schema((string)row[0])), (IReadOnlyList<string>)row[1]);
        }

        var common = Schema("AdGroupCommon").GetProperty("properties");
        Assert.Equal(Enum(common.GetProperty("bid_strategy_type")), SpecValues.BidStrategyTypes);
        Assert.Equal(Enum(Schema("TargetingSpec").GetProperty("properties").GetProperty("TARGETING_STRATEGY").GetProperty("items")), SpecValues.TargetingStrategies);
        Assert.Equal(Schema("TrackingUrls").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n), SpecValues.TrackingUrlKinds.OrderBy(n => n));
    }

    [SpecFact]
    public void The_targeting_shape_knows_exactly_the_spec_keys() =>
        Assert.Equal(
            Schema("TargetingSpec").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            SpecShapes.Targeting.Keys.OrderBy(n => n, StringComparer.Ordinal));

    [SpecFact]
    public void The_goal_metadata_shape_knows_exactly_the_spec_keys() =>
        Assert.Equal(
            Schema("OptimizationGoalMetadata").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            SpecShapes.OptimizationGoalMetadata.Keys.OrderBy(n => n, StringComparer.Ordinal));
}
