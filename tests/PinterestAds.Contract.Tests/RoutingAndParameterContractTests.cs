using System.Text.Json;
using System.Text.RegularExpressions;
using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

[Collection(SpecCollection.Name)]
public sealed class RoutingAndParameterContractTests
{
    private readonly SpecFixture _spec;

    public RoutingAndParameterContractTests(SpecFixture spec) => _spec = spec;

    private OpenApiContract C => _spec.Contract;

    [SpecFact]
    public void LiteralSegmentsBeatTemplateSegments()
    {
        ContractOperation? analytics = C.FindOperation("GET", "/v5/ad_accounts/1/campaigns/analytics");
        Assert.NotNull(analytics);
        Assert.Equal("/ad_accounts/{ad_account_id}/campaigns/analytics", analytics!.PathTemplate);
        Assert.Equal("campaigns/analytics", analytics.OperationId);

        ContractOperation? single = C.FindOperation("get", "/v5/ad_accounts/1/campaigns/626736533506");
        Assert.NotNull(single);
        Assert.Equal("/ad_accounts/{ad_account_id}/campaigns/{campaign_id}", single!.PathTemplate);
        Assert.Equal("626736533506", single.PathParameters["campaign_id"]);
        Assert.Equal("1", single.PathParameters["ad_account_id"]);

        Assert.Equal("/pins/analytics", C.FindOperation("GET", "/v5/pins/analytics")!.PathTemplate);
        Assert.Equal("/pins/{pin_id}", C.FindOperation("GET", "/v5/pins/123")!.PathTemplate);
    }

    [SpecFact]
    public void BasePathQueryStringAndAbsoluteUrlsAreAccepted()
    {
        Assert.Equal("ad_accounts/list", C.FindOperation("GET", "/ad_accounts")!.OperationId);
        Assert.Equal("ad_accounts/list", C.FindOperation("GET", "https://api.pinterest.com/v5/ad_accounts?page_size=5")!.OperationId);
        ContractAssert.Valid(C.Validate("GET", "https://api-sandbox.pinterest.com/v5/ad_accounts?page_size=5", null, null, null));
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts?page_size=500", null, null, null), "query", "/page_size", "at most 250");
        ContractAssert.Valid(C.Validate("GET", "/v5/ad_accounts?page_size=250", null, null, null));
        Assert.Equal("/v5", C.BasePath);
    }

    [SpecFact]
    public void EveryTemplateRoutesToItself()
    {
        foreach (string template in C.PathTemplates)
        {
            string concrete = "/v5" + Regex.Replace(template, "\\{[^}]+\\}", "1");
            JsonElement pathItem = _spec.Root.GetProperty("paths").GetProperty(template);
            string method = pathItem.EnumerateObject().First(p => p.Name != "parameters").Name;
            ContractOperation? op = C.FindOperation(method, concrete);
            Assert.True(op != null && op.PathTemplate == template, template + " routed to " + op);
        }
    }

    [SpecFact]
    public void AdGroupPathIdPatternRejectsTraversal()
    {
        ContractResult encoded = C.Validate("GET", "/v5/ad_accounts/549755885175/ad_groups/..%2Fx", null, null, null);
        Assert.Equal("ad_groups/get", encoded.OperationId);
        ContractAssert.Violation(encoded, "path", "/ad_group_id", "\"../x\"", "^\\d+$");

        // Unencoded, the extra segments match no route at all.
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/549755885175/ad_groups/../x", null, null, null), "route", string.Empty, "no path");

        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/abc/ad_groups/1", null, null, null), "path", "/ad_account_id", "pattern");
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/1/ad_groups/1234567890123456789", null, null, null), "path", "/ad_group_id", "at most 18 characters");
        ContractAssert.Valid(C.Validate("GET", "/v5/ad_accounts/549755885175/ad_groups/2680059592705", null, null, null));

        // ECMA-262 semantics: '$' does not match before a trailing newline and \d is ASCII-only.
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/1/ad_groups/123%0A", null, null, null), "path", "/ad_group_id", "pattern");
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/1/ad_groups/%D9%A1%D9%A2", null, null, null), "path", "/ad_group_id", "pattern");
    }

    [SpecFact]
    public void UnknownRoutesAndMethodsAreViolations()
    {
        ContractResult noRoute = C.Validate("GET", "/v5/ad_accounts/1/widgets", null, null, null);
        ContractAssert.Violation(noRoute, "route", string.Empty, "no path");
        Assert.Null(noRoute.OperationId);

        ContractResult noDelete = C.Validate("DELETE", "/v5/ad_accounts/1/campaigns/2", null, null, null);
        ContractAssert.Violation(noDelete, "route", string.Empty, "DELETE is not defined", "GET");
        Assert.Equal("/ad_accounts/{ad_account_id}/campaigns/{campaign_id}", noDelete.PathTemplate);
    }

    [SpecFact]
    public void QueryParametersAreValidated()
    {
        const string path = "/v5/ad_accounts/549755885175/campaigns/analytics";
        const string good = "start_date=2025-01-01&end_date=2025-01-31&campaign_ids=626736533506&campaign_ids=626736533507"
            + "&columns=SPEND_IN_DOLLAR,PAID_IMPRESSION,CTR&granularity=DAY&click_window_days=7";
        ContractAssert.Valid(C.Validate("GET", path, good, null, null));
        ContractAssert.Valid(C.Validate("GET", path, "?" + good, null, null));

        ContractAssert.Violation(C.Validate("GET", path, good.Replace("&granularity=DAY", string.Empty, StringComparison.Ordinal), null, null),
            "query", string.Empty, "Required", "\"granularity\"");
        ContractAssert.Violation(C.Validate("GET", path, good.Replace("DAY", "YEAR", StringComparison.Ordinal), null, null),
            "query", "/granularity", "\"YEAR\"", "DAY", "HOUR");
        ContractAssert.Violation(C.Validate("GET", path, good.Replace("2025-01-31", "2025-02-30", StringComparison.Ordinal), null, null),
            "query", "/end_date", "date");
        ContractAssert.Violation(C.Validate("GET", path, good.Replace("CTR", "CLICKS", StringComparison.Ordinal), null, null),
            "query", "/columns/2", "\"CLICKS\"");
        ContractAssert.Violation(C.Validate("GET", path, good.Replace("click_window_days=7", "click_window_days=3", StringComparison.Ordinal), null, null),
            "query", "/click_window_days", "3");
        ContractAssert.Violation(C.Validate("GET", path, good + "&campaign_id=1", null, null),
            "query", "/campaign_id", "not declared");

        // columns is style=form, explode=false: one comma-joined value (each item checked).
        Assert.DoesNotContain(C.Validate("GET", path, good.Replace("CTR", "CLICKS", StringComparison.Ordinal), null, null).Violations, v => v.JsonPointer == "/columns/0");

        // campaign_ids uses the default form/explode=true style: one value per occurrence.
        ContractAssert.Violation(C.Validate("GET", path, good.Replace("626736533506&campaign_ids=626736533507", "626736533506,626736533507", StringComparison.Ordinal), null, null),
            "query", "/campaign_ids/0", "pattern");
    }

    [SpecFact]
    public void QueryIntegersAndBooleansAreCoerced()
    {
        ContractAssert.Valid(C.Validate("GET", "/v5/ad_accounts", "page_size=250&include_shared_accounts=false", null, null));
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts", "page_size=ten", null, null), "query", "/page_size", "expected integer");
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts", "page_size=0", null, null), "query", "/page_size", "at least 1");
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts", "include_shared_accounts=yes", null, null), "query", "/include_shared_accounts", "expected boolean");
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts", "page_size=5&page_size=6", null, null), "query", "/page_size", "2 times");
    }

    [SpecFact]
    public void DeepObjectQueryParameterIsReadAsAnObject()
    {
        const string path = "/v5/catalogs/reports/stats";
        ContractResult unknown = C.Validate("GET", path, "parameters%5Bcatalog_type%5D=BOGUS", null, null);
        ContractAssert.Violation(unknown, "query", "/parameters/catalog_type", "\"BOGUS\"", "RETAIL", "HOTEL");
        Assert.DoesNotContain(unknown.Violations, v => v.Message.Contains("not declared", StringComparison.Ordinal));
        ContractAssert.Violation(C.Validate("GET", path, "page_size=5", null, null), "query", string.Empty, "Required", "\"parameters\"");
    }

    [SpecFact]
    public void PathParametersWithExplicitSimpleStyle()
    {
        ContractAssert.Valid(C.Validate("GET", "/v5/ad_accounts/1/conversion_tags/2617998078212", null, null, null));
        ContractAssert.Violation(C.Validate("GET", "/v5/ad_accounts/1/conversion_tags/26x", null, null, null), "path", "/conversion_tag_id", "pattern");
        ContractAssert.Valid(C.Validate("GET", "/v5/resources/targeting/GENDER", null, null, null));
        ContractAssert.Violation(C.Validate("GET", "/v5/resources/targeting/SHOE_SIZE", null, null, null), "path", "/targeting_type", "\"SHOE_SIZE\"", "GENDER");
    }

    [SpecFact]
    public void LoadIsCachedPerPath()
    {
        Assert.Same(C, OpenApiContract.Load(SpecLocation.Path!));
    }
}
