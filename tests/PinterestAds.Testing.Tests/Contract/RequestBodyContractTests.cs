using PinterestAds.Testing.Contract;

namespace PinterestAds.Testing.Tests.Contract;

[Collection(SpecCollection.Name)]
public sealed class RequestBodyContractTests
{
    private const string Json = "application/json";
    private const string Campaigns = "/v5/ad_accounts/549755885175/campaigns";
    private readonly SpecFixture _spec;

    public RequestBodyContractTests(SpecFixture spec) => _spec = spec;

    private OpenApiContract C => _spec.Contract;

    private static string CampaignItem(string extra = "") =>
        "{\"ad_account_id\":\"549755885175\",\"name\":\"Spring sale\",\"objective_type\":\"AWARENESS\"" + extra + "}";

    [SpecFact]
    public void ValidCampaignCreateArrayPasses()
    {
        string body = "[" + CampaignItem(",\"status\":\"ACTIVE\",\"daily_spend_cap\":5000000,\"lifetime_spend_cap\":null,"
            + "\"start_time\":1735689600,\"end_time\":null,\"is_flexible_daily_budgets\":false,\"is_automated_campaign\":false,"
            + "\"tracking_urls\":{\"impression\":[\"https://t.example/i\"],\"click\":[]},\"order_line_id\":null")
            + "," + CampaignItem(",\"status\":\"PAUSED\",\"is_campaign_budget_optimization\":true,\"lifetime_spend_cap\":100000000") + "]";

        ContractResult result = C.Validate("POST", Campaigns, null, body, Json);

        ContractAssert.Valid(result);
        Assert.Equal("campaigns/create", result.OperationId);
        Assert.Equal("/ad_accounts/{ad_account_id}/campaigns", result.PathTemplate);
    }

    [SpecFact]
    public void MissingNameAndObjectiveTypeFailWithPointers()
    {
        ContractResult result = C.Validate("POST", Campaigns, null, "[{\"ad_account_id\":\"549755885175\"}]", Json);

        ContractAssert.Violation(result, "body", "/0/name", "required", "'name'");
        ContractAssert.Violation(result, "body", "/0/objective_type", "required", "'objective_type'");
        Assert.Equal(2, result.Violations.Count);
        Assert.Contains("body/0/name", result.ToString(), StringComparison.Ordinal);
    }

    [SpecFact]
    public void WrongObjectiveTypeListsAllowedValues()
    {
        ContractResult result = C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"objective_type\":\"SALES\"") + "]", Json);

        ContractAssert.Violation(result, "body", "/0/objective_type", "\"SALES\"", "AWARENESS", "CONSIDERATION", "WEB_CONVERSION", "CATALOG_SALES", "VIDEO_COMPLETION");
    }

    [SpecFact]
    public void MoreThanThirtyCampaignsFailsMaxItems()
    {
        string body = "[" + string.Join(",", Enumerable.Repeat(CampaignItem(), 31)) + "]";

        ContractResult result = C.Validate("POST", Campaigns, null, body, Json);

        ContractAssert.Violation(result, "body", string.Empty, "31 items", "maxItems is 30");
        Assert.Single(result.Violations);
        ContractAssert.Valid(C.Validate("POST", Campaigns, null, "[" + string.Join(",", Enumerable.Repeat(CampaignItem(), 30)) + "]", Json));
    }

    [SpecFact]
    public void EmptyCampaignArrayFailsMinItems()
        => ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[]", Json), "body", string.Empty, "minItems is 1");

    [SpecFact]
    public void DailySpendCapAsStringFails()
    {
        ContractResult result = C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"daily_spend_cap\":\"5000000\"") + "]", Json);

        ContractAssert.Violation(result, "body", "/0/daily_spend_cap", "expected integer", "string \"5000000\"");
    }

    [SpecFact]
    public void IntegersMustBeIntegerLiterals()
    {
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"daily_spend_cap\":5000000.5") + "]", Json),
            "body", "/0/daily_spend_cap", "integer");
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"daily_spend_cap\":5E+06") + "]", Json),
            "body", "/0/daily_spend_cap", "integer");
    }

    [SpecFact]
    public void NullableFieldsAcceptNullButOthersDoNot()
    {
        ContractAssert.Valid(C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"daily_spend_cap\":null,\"tracking_urls\":null") + "]", Json));
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[" + CampaignItem(",\"name\":null") + "]", Json),
            "body", "/0/name", "null is not allowed");
    }

    [SpecFact]
    public void CampaignUpdateRequiresIdAndAcceptsPartialItems()
    {
        string valid = "[{\"id\":\"626736533506\",\"ad_account_id\":\"549755885175\",\"status\":\"PAUSED\"},"
            + "{\"id\":\"626736533507\",\"ad_account_id\":\"549755885175\",\"status\":\"ARCHIVED\",\"objective_type\":null}]";
        ContractResult ok = C.Validate("PATCH", Campaigns, null, valid, Json);
        ContractAssert.Valid(ok);
        Assert.Equal("campaigns/update", ok.OperationId);

        ContractResult missingId = C.Validate("PATCH", Campaigns, null, "[{\"ad_account_id\":\"549755885175\",\"status\":\"PAUSED\"}]", Json);
        ContractAssert.Violation(missingId, "body", "/0/id", "required");

        ContractResult badStatus = C.Validate("PATCH", Campaigns, null, "[{\"id\":\"1\",\"ad_account_id\":\"2\",\"status\":\"DELETED\"}]", Json);
        ContractAssert.Violation(badStatus, "body", "/0/status", "\"DELETED\"", "ARCHIVED");

        ContractResult badId = C.Validate("PATCH", Campaigns, null, "[{\"id\":\"C-1\",\"ad_account_id\":\"2\"}]", Json);
        ContractAssert.Violation(badId, "body", "/0/id", "pattern");
    }

    [SpecFact]
    public void AdGroupCreateWithTargetingSpecValidates()
    {
        const string path = "/v5/ad_accounts/549755885175/ad_groups";
        string item = "{\"name\":\"AG 1\",\"campaign_id\":\"626736533506\",\"billable_event\":\"IMPRESSION\","
            + "\"budget_in_micro_currency\":1000000,\"bid_in_micro_currency\":100000,\"budget_type\":\"DAILY\","
            + "\"targeting_spec\":{\"AGE_BUCKET\":[\"25-34\",\"35-44\"],\"GENDER\":[\"female\",\"unknown\"],"
            + "\"LOCATION\":[\"US\"],\"APPTYPE\":[\"iphone\",\"web\"],\"LOCALE\":[\"en\"],\"INTEREST\":[\"935249274030\"]}}";
        ContractResult ok = C.Validate("POST", path, null, "[" + item + "]", Json);
        ContractAssert.Valid(ok);
        Assert.Equal("ad_groups/create", ok.OperationId);

        string badGender = item.Replace("\"female\"", "\"robot\"", StringComparison.Ordinal);
        ContractAssert.Violation(C.Validate("POST", path, null, "[" + badGender + "]", Json),
            "body", "/0/targeting_spec/GENDER/0", "\"robot\"", "female");

        string badApp = item.Replace("\"iphone\"", "\"blackberry\"", StringComparison.Ordinal);
        ContractAssert.Violation(C.Validate("POST", path, null, "[" + badApp + "]", Json),
            "body", "/0/targeting_spec/APPTYPE/0", "\"blackberry\"", "iphone");

        ContractAssert.Violation(C.Validate("POST", path, null, "[{\"name\":\"x\",\"campaign_id\":\"1\"}]", Json),
            "body", "/0/billable_event", "required");
    }

    [SpecFact]
    public void AdCreateCustomizableCtaTypeEnum()
    {
        const string path = "/v5/ad_accounts/549755885175/ads";
        static string Ad(string cta) => "[{\"ad_group_id\":\"2680059592705\",\"creative_type\":\"REGULAR\",\"pin_id\":\"394205773611545468\","
            + "\"name\":\"Ad\",\"destination_url\":\"https://example.com\",\"customizable_cta_type\":" + cta + "}]";

        ContractResult ok = C.Validate("POST", path, null, Ad("\"LEARN_MORE\""), Json);
        ContractAssert.Valid(ok);
        Assert.Equal("ads/create", ok.OperationId);
        ContractAssert.Valid(C.Validate("POST", path, null, Ad("null"), Json));
        ContractAssert.Violation(C.Validate("POST", path, null, Ad("\"CLICK_HERE\""), Json),
            "body", "/0/customizable_cta_type", "\"CLICK_HERE\"", "LEARN_MORE", "SHOP_NOW");
        ContractAssert.Violation(C.Validate("POST", path, null, Ad("\"LEARN_MORE\"").Replace("\"REGULAR\"", "\"STORY\"", StringComparison.Ordinal), Json),
            "body", "/0/creative_type", "\"STORY\"");
    }

    [SpecFact]
    public void OAuthTokenFormBodyValidates()
    {
        const string form = "application/x-www-form-urlencoded";
        ContractResult ok = C.Validate("POST", "/v5/oauth/token", null,
            "grant_type=authorization_code&code=abc123&redirect_uri=https%3A%2F%2Flocalhost%3A8085%2F", form + "; charset=utf-8");
        ContractAssert.Valid(ok);
        Assert.Equal("oauth/token", ok.OperationId);
        ContractAssert.Valid(C.Validate("POST", "/v5/oauth/token", null, "grant_type=refresh_token&refresh_token=pinr.abc&scope=ads%3Aread", form));
        ContractAssert.Valid(C.Validate("POST", "/v5/oauth/token", null, "grant_type=client_credentials&scope=ads:read,ads:write", form));

        ContractAssert.Violation(C.Validate("POST", "/v5/oauth/token", null, "grant_type=password&username=u", form),
            "body", "/grant_type", "\"password\"", "authorization_code", "refresh_token", "client_credentials");

        // grant_type is a discriminator: the mapped schema (OauthAccessTokenRequestCode) requires code + redirect_uri.
        ContractResult missing = C.Validate("POST", "/v5/oauth/token", null, "grant_type=authorization_code&code=abc", form);
        ContractAssert.Violation(missing, "body", "/redirect_uri", "required");

        ContractAssert.Violation(C.Validate("POST", "/v5/oauth/token", null, "{\"grant_type\":\"refresh_token\"}", Json),
            "content-type", string.Empty, "application/x-www-form-urlencoded");
    }

    [SpecFact]
    public void ReadOnlyPropertyInRequestIsFlagged()
    {
        const string path = "/v5/boards/549755885175/sections";
        ContractAssert.Valid(C.Validate("POST", path, null, "{\"name\":\"Summer\"}", Json));

        ContractResult result = C.Validate("POST", path, null, "{\"name\":\"Summer\",\"id\":\"4986\"}", Json);
        ContractAssert.Violation(result, "body", "/id", "readOnly");

        var lenient = new ContractValidationOptions { AllowReadOnlyProperties = true };
        ContractAssert.Valid(C.Validate("POST", path, null, "{\"name\":\"Summer\",\"id\":\"4986\"}", Json, lenient));
    }

    [SpecFact]
    public void StringLengthLimits()
    {
        const string path = "/v5/boards/549755885175/sections";
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"name\":\"\"}", Json), "body", "/name", "minLength is 1");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"name\":\"" + new string('x', 181) + "\"}", Json), "body", "/name", "maxLength is 180");
    }

    [SpecFact]
    public void PinMediaSourceHonoursDiscriminator()
    {
        const string path = "/v5/pins";
        ContractAssert.Valid(C.Validate("POST", path, null,
            "{\"board_id\":\"1\",\"title\":\"t\",\"media_source\":{\"source_type\":\"image_url\",\"url\":\"https://i.example/x.jpg\"}}", Json));
        ContractAssert.Valid(C.Validate("POST", path, null,
            "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"video_id\",\"media_id\":\"12345\",\"cover_image_key_frame_time\":2}}", Json));

        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"image_url\"}}", Json),
            "body", "/media_source/url", "required");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"gif\",\"url\":\"u\"}}", Json),
            "body", "/media_source/source_type", "\"gif\"", "image_url", "video_id");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"url\":\"u\"}}", Json),
            "body", "/media_source/source_type", "missing");
    }

    [SpecFact]
    public void MediaRegistrationBody()
    {
        ContractAssert.Valid(C.Validate("POST", "/v5/media", null, "{\"media_type\":\"video\"}", Json));
        ContractAssert.Violation(C.Validate("POST", "/v5/media", null, "{\"media_type\":\"image\"}", Json), "body", "/media_type", "video");
    }

    [SpecFact]
    public void BodyProblemsAreReported()
    {
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[{\"name\":", Json), "body", string.Empty, "not valid JSON");
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, null, Json), "body", string.Empty, "required");
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[]", "text/plain"), "content-type", string.Empty, "text/plain");
        ContractAssert.Violation(C.Validate("GET", Campaigns, null, "{}", Json), "body", string.Empty, "does not accept a request body");
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "{\"name\":\"x\"}", Json), "body", string.Empty, "expected array", "object");
    }

    [SpecFact]
    public void NullContentTypeInfersJson()
        => ContractAssert.Valid(C.Validate("POST", Campaigns, null, "[" + CampaignItem() + "]", null));

    [SpecFact]
    public void ValidateAllReturnsOnlyFailures()
    {
        var requests = new (string Method, string Path, string? Query, string? Body, string? ContentType)[]
        {
            ("POST", Campaigns, null, "[" + CampaignItem() + "]", Json),
            ("POST", Campaigns, null, "[{}]", Json),
            ("GET", "/v5/ad_accounts/1/campaigns", "page_size=25&order=ASCENDING", null, null),
            ("GET", "/v5/ad_accounts/1/campaigns", "page_size=0", null, null),
        };

        IReadOnlyList<ContractResult> failures = C.ValidateAll(requests);

        Assert.Equal(2, failures.Count);
        Assert.Equal("campaigns/create", failures[0].OperationId);
        Assert.Equal("campaigns/list", failures[1].OperationId);
        Assert.Single(C.ValidateAll(new[] { new ContractRequest("POST", Campaigns, null, "[{}]", Json) }));
    }

    [SpecFact]
    public void ToStringListsEveryViolation()
    {
        ContractResult result = C.Validate("POST", Campaigns, null, "[{\"objective_type\":\"SALES\",\"daily_spend_cap\":\"1\"}]", Json);
        string text = result.ToString();
        Assert.Contains("campaigns/create", text, StringComparison.Ordinal);
        Assert.Contains(result.Violations.Count + " contract violations", text, StringComparison.Ordinal);
        foreach (ContractViolation v in result.Violations) Assert.Contains(v.ToString(), text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(result.ThrowIfInvalid);
    }
}
