using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

internal static class ContractAssert
{
    public static void Valid(ContractResult result) => Assert.True(result.IsValid, result.ToString());

    /// <summary>Asserts a violation at location+pointer whose message contains every fragment.</summary>
    public static ContractViolation Violation(ContractResult result, string location, string pointer, params string[] fragments)
    {
        Assert.False(result.IsValid, "expected a violation at " + location + pointer + " but the request is valid: " + result);
        ContractViolation? match = result.Violations.FirstOrDefault(v =>
            v.Location == location && v.JsonPointer == pointer && fragments.All(f => v.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(match != null, "no violation at " + location + pointer + " containing [" + string.Join("], [", fragments) + "]; got:\n" + result);
        return match!;
    }
}
