using System.Text.Json;
using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>Robustness: every operation in the spec can be validated without exceptions.</summary>
[Collection(SpecCollection.Name)]
public sealed class SpecSweepTests
{
    private readonly SpecFixture _spec;

    public SpecSweepTests(SpecFixture spec) => _spec = spec;

    [SpecFact]
    public void EveryOperationValidatesWithoutThrowing()
    {
        OpenApiContract c = _spec.Contract;
        int operations = 0;
        foreach (JsonProperty path in _spec.Root.GetProperty("paths").EnumerateObject())
        {
            string concrete = "/v5" + path.Name.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
            foreach (JsonProperty op in path.Value.EnumerateObject().Where(p => p.Name != "parameters"))
            {
                operations++;
                foreach (string? body in new[] { null, "{}", "[]", "[{}]", "{\"a\":null}" })
                {
                    ContractResult r = c.Validate(op.Name, concrete, "x=1", body, null);
                    Assert.NotNull(r.ToString());
                    Assert.DoesNotContain(r.Violations, v => v.Message.Contains("(spec problem)", StringComparison.Ordinal));
                }
            }
        }

        Assert.True(operations > 200, "only " + operations + " operations");
    }

    [SpecFact]
    public void SpecRequestExamplesValidate()
    {
        // The only request-body examples in the spec are the catalog product group ones.
        OpenApiContract c = _spec.Contract;
        int checkedExamples = 0;
        foreach (JsonProperty path in _spec.Root.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty op in path.Value.EnumerateObject().Where(p => p.Name != "parameters"))
            {
                if (!op.Value.TryGetProperty("requestBody", out JsonElement rb) || !rb.TryGetProperty("content", out JsonElement content)) continue;
                if (!content.TryGetProperty("application/json", out JsonElement media) || !media.TryGetProperty("examples", out JsonElement examples)) continue;
                foreach (JsonProperty ex in examples.EnumerateObject())
                {
                    if (!ex.Value.TryGetProperty("value", out JsonElement value)) continue;
                    ContractResult r = c.Validate(op.Name, "/v5" + path.Name.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal),
                        null, value.GetRawText(), "application/json");
                    Assert.True(r.Violations.All(v => v.Location != "body"), ex.Name + ": " + r);
                    checkedExamples++;
                }
            }
        }

        Assert.True(checkedExamples > 0);
    }
}
