using PinterestAds.Contract;

namespace PinterestAds.Contract.Tests;

/// <summary>JSON and form bodies: every case pairs a request the spec admits with the violation next to it.</summary>
[Collection(SpecCollection.Name)]
public sealed class RequestBodyContractTests
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Campaigns = "/v5/ad_accounts/549755885175/campaigns";
    private readonly SpecFixture _spec;

    public RequestBodyContractTests(SpecFixture spec) => _spec = spec;

    private OpenApiContract C => _spec.Contract;

    /// <summary>A campaign create item; <paramref name="fields"/> replace or add members (raw JSON values).</summary>
    private static string CampaignItem(params (string Name, string Value)[] fields)
    {
        var members = new List<(string Name, string Value)> { ("ad_account_id", "\"549755885175\""), ("name", "\"Spring sale\""), ("objective_type", "\"AWARENESS\"") };
        foreach (var field in fields)
        {
            members.RemoveAll(m => m.Name == field.Name);
            members.Add(field);
        }

        return "{" + string.Join(",", members.Select(m => "\"" + m.Name + "\":" + m.Value)) + "}";
    }

    private ContractResult CreateCampaigns(params string[] items) => C.Validate("POST", Campaigns, null, "[" + string.Join(",", items) + "]", Json);

    [SpecFact]
    public void ValidCampaignCreateArrayPasses()
    {
        string full = CampaignItem(("status", "\"ACTIVE\""), ("daily_spend_cap", "5000000"), ("lifetime_spend_cap", "null"), ("start_time", "1735689600"),
            ("end_time", "null"), ("is_flexible_daily_budgets", "false"), ("is_automated_campaign", "false"),
            ("tracking_urls", "{\"impression\":[\"https://t.example/i\"],\"click\":[]}"), ("order_line_id", "null"));
        string cbo = CampaignItem(("status", "\"PAUSED\""), ("is_campaign_budget_optimization", "true"), ("lifetime_spend_cap", "100000000"));

        ContractResult result = CreateCampaigns(full, cbo);

        ContractAssert.Valid(result);
        Assert.Equal("campaigns/create", result.OperationId);
        Assert.Equal("/ad_accounts/{ad_account_id}/campaigns", result.PathTemplate);
        ContractAssert.Violation(CreateCampaigns(full, CampaignItem(("status", "\"RUNNING\""))), "body", "/1/status", "\"RUNNING\"", "ACTIVE");
    }

    [SpecFact]
    public void MissingNameAndObjectiveTypeFail()
    {
        ContractResult result = C.Validate("POST", Campaigns, null, "[{\"ad_account_id\":\"549755885175\"}]", Json);

        ContractViolation missing = ContractAssert.Violation(result, "body", "/0", "Required", "\"name\"", "\"objective_type\"");
        Assert.Single(result.Violations);
        Assert.Contains("body/0: ", missing.ToString(), StringComparison.Ordinal);
    }

    [SpecFact]
    public void WrongObjectiveTypeListsAllowedValues()
    {
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("objective_type", "\"SALES\""))),
            "body", "/0/objective_type", "\"SALES\"", "AWARENESS", "CONSIDERATION", "WEB_CONVERSION", "CATALOG_SALES", "VIDEO_COMPLETION");
        ContractAssert.Valid(CreateCampaigns(CampaignItem(("objective_type", "\"CATALOG_SALES\""))));
    }

    [SpecFact]
    public void MoreThanThirtyCampaignsFailsMaxItems()
    {
        ContractResult result = CreateCampaigns(Enumerable.Repeat(CampaignItem(), 31).ToArray());

        ContractAssert.Violation(result, "body", string.Empty, "at most 30 items");
        Assert.Single(result.Violations);
        ContractAssert.Valid(CreateCampaigns(Enumerable.Repeat(CampaignItem(), 30).ToArray()));
    }

    [SpecFact]
    public void EmptyCampaignArrayFailsMinItems()
    {
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[]", Json), "body", string.Empty, "at least 1 items");
        ContractAssert.Valid(CreateCampaigns(CampaignItem()));
    }

    [SpecFact]
    public void DailySpendCapAsStringFails()
    {
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("daily_spend_cap", "\"5000000\""))), "body", "/0/daily_spend_cap", "expected integer", "string \"5000000\"");
        ContractAssert.Valid(CreateCampaigns(CampaignItem(("daily_spend_cap", "5000000"))));
    }

    [SpecFact]
    public void IntegersMustBeIntegerLiterals()
    {
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("daily_spend_cap", "5000000.5"))), "body", "/0/daily_spend_cap", "integer");
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("daily_spend_cap", "5E+06"))), "body", "/0/daily_spend_cap", "integer literal", "5E+06");
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("daily_spend_cap", "5000000.0"))), "body", "/0/daily_spend_cap", "integer literal");
        ContractAssert.Valid(CreateCampaigns(CampaignItem(("daily_spend_cap", "-0"))));
    }

    [SpecFact]
    public void NullableFieldsAcceptNullButOthersDoNot()
    {
        ContractAssert.Valid(CreateCampaigns(CampaignItem(("daily_spend_cap", "null"), ("tracking_urls", "null"))));
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("name", "null"))), "body", "/0/name", "expected string but found null");
        ContractAssert.Violation(CreateCampaigns(CampaignItem(("daily_spend_cap", "\"x\""))), "body", "/0/daily_spend_cap", "expected integer");
    }

    [SpecFact]
    public void RepeatedPropertiesAreRefused()
        => ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[{\"name\":\"a\",\"name\":\"b\",\"ad_account_id\":\"1\",\"objective_type\":\"AWARENESS\"}]", Json),
            "body", string.Empty, "not valid JSON");

    [SpecFact]
    public void CampaignUpdateRequiresIdAndAcceptsPartialItems()
    {
        string valid = "[{\"id\":\"626736533506\",\"ad_account_id\":\"549755885175\",\"status\":\"PAUSED\"},"
            + "{\"id\":\"626736533507\",\"ad_account_id\":\"549755885175\",\"status\":\"ARCHIVED\",\"objective_type\":null}]";
        ContractResult ok = C.Validate("PATCH", Campaigns, null, valid, Json);
        ContractAssert.Valid(ok);
        Assert.Equal("campaigns/update", ok.OperationId);

        ContractAssert.Violation(C.Validate("PATCH", Campaigns, null, "[{\"ad_account_id\":\"549755885175\",\"status\":\"PAUSED\"}]", Json), "body", "/0", "Required", "\"id\"");
        ContractAssert.Violation(C.Validate("PATCH", Campaigns, null, "[{\"id\":\"1\",\"ad_account_id\":\"2\",\"status\":\"DELETED\"}]", Json), "body", "/0/status", "\"DELETED\"", "ARCHIVED");
        ContractAssert.Violation(C.Validate("PATCH", Campaigns, null, "[{\"id\":\"C-1\",\"ad_account_id\":\"2\"}]", Json), "body", "/0/id", "\"C-1\"", "pattern");
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
        ContractAssert.Violation(C.Validate("POST", path, null, "[" + badGender + "]", Json), "body", "/0/targeting_spec/GENDER/0", "\"robot\"", "female");

        string badApp = item.Replace("\"iphone\"", "\"blackberry\"", StringComparison.Ordinal);
        ContractAssert.Violation(C.Validate("POST", path, null, "[" + badApp + "]", Json), "body", "/0/targeting_spec/APPTYPE/0", "\"blackberry\"", "iphone");

        ContractAssert.Violation(C.Validate("POST", path, null, "[{\"name\":\"x\",\"campaign_id\":\"1\"}]", Json), "body", "/0", "Required", "\"billable_event\"");
    }

    [SpecFact]
    public void AdCreateCustomizableCtaTypeEnum()
    {
        const string path = "/v5/ad_accounts/549755885175/ads";
        static string Ad(string cta, string creativeType = "REGULAR") => "[{\"ad_group_id\":\"2680059592705\",\"creative_type\":\"" + creativeType + "\",\"pin_id\":\"394205773611545468\","
            + "\"name\":\"Ad\",\"destination_url\":\"https://example.com\",\"customizable_cta_type\":" + cta + "}]";

        ContractResult ok = C.Validate("POST", path, null, Ad("\"LEARN_MORE\""), Json);
        ContractAssert.Valid(ok);
        Assert.Equal("ads/create", ok.OperationId);
        ContractAssert.Valid(C.Validate("POST", path, null, Ad("null"), Json));
        ContractAssert.Violation(C.Validate("POST", path, null, Ad("\"CLICK_HERE\""), Json), "body", "/0/customizable_cta_type", "\"CLICK_HERE\"", "LEARN_MORE", "SHOP_NOW");
        ContractAssert.Violation(C.Validate("POST", path, null, Ad("\"LEARN_MORE\"", "STORY"), Json), "body", "/0/creative_type", "\"STORY\"");
    }

    [SpecFact]
    public void OAuthTokenFormBodyValidates()
    {
        const string token = "/v5/oauth/token";
        ContractResult ok = C.Validate("POST", token, null, "grant_type=authorization_code&code=abc123&redirect_uri=https%3A%2F%2Flocalhost%3A8085%2F", Form + "; charset=utf-8");
        ContractAssert.Valid(ok);
        Assert.Equal("oauth/token", ok.OperationId);
        ContractAssert.Valid(C.Validate("POST", token, null, "grant_type=refresh_token&refresh_token=pinr.abc&scope=ads%3Aread", Form));
        ContractAssert.Valid(C.Validate("POST", token, null, "grant_type=client_credentials&scope=ads:read,ads:write", Form));

        ContractAssert.Violation(C.Validate("POST", token, null, "grant_type=password&username=u", Form),
            "body", "/grant_type", "\"password\"", "authorization_code", "refresh_token", "client_credentials");

        // grant_type is a discriminator: the mapped schema (OauthAccessTokenRequestCode) requires code and redirect_uri.
        ContractAssert.Violation(C.Validate("POST", token, null, "grant_type=authorization_code&code=abc", Form), "body", string.Empty, "Required", "\"redirect_uri\"");
        ContractAssert.Violation(C.Validate("POST", token, null, "grant_type=refresh_token&refresh_token=a&refresh_token=b", Form), "body", "/refresh_token", "2 times");
        ContractAssert.Violation(C.Validate("POST", token, null, "{\"grant_type\":\"refresh_token\"}", Json), "content-type", string.Empty, Form);
    }

    [SpecFact]
    public void ReadOnlyPropertyInRequestIsFlagged()
    {
        const string path = "/v5/boards/549755885175/sections";
        ContractAssert.Valid(C.Validate("POST", path, null, "{\"name\":\"Summer\"}", Json));
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"name\":\"Summer\",\"id\":\"4986\"}", Json), "body", "/id", "readOnly");
    }

    [SpecFact]
    public void StringLengthLimits()
    {
        const string path = "/v5/boards/549755885175/sections";
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"name\":\"\"}", Json), "body", "/name", "at least 1 characters");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"name\":\"" + new string('x', 181) + "\"}", Json), "body", "/name", "at most 180 characters");
        ContractAssert.Valid(C.Validate("POST", path, null, "{\"name\":\"" + new string('x', 180) + "\"}", Json));
    }

    [SpecFact]
    public void PinMediaSourceHonoursDiscriminator()
    {
        const string path = "/v5/pins";
        ContractAssert.Valid(C.Validate("POST", path, null,
            "{\"board_id\":\"1\",\"title\":\"t\",\"media_source\":{\"source_type\":\"image_url\",\"url\":\"https://i.example/x.jpg\"}}", Json));
        ContractAssert.Valid(C.Validate("POST", path, null,
            "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"video_id\",\"media_id\":\"12345\",\"cover_image_key_frame_time\":2}}", Json));

        // The discriminator picks the schema: image_url requires url, video_id does not.
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"image_url\"}}", Json),
            "body", "/media_source", "Required", "\"url\"");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"source_type\":\"gif\",\"url\":\"u\"}}", Json),
            "body", "/media_source/source_type", "\"gif\"", "image_url", "video_id");
        ContractAssert.Violation(C.Validate("POST", path, null, "{\"board_id\":\"1\",\"media_source\":{\"url\":\"u\"}}", Json),
            "body", "/media_source", "Required", "\"source_type\"");
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
        ContractAssert.Valid(C.Validate("GET", Campaigns, null, null, null));
    }

    [SpecFact]
    public void NullContentTypeInfersJson()
    {
        ContractAssert.Valid(C.Validate("POST", Campaigns, null, "[" + CampaignItem() + "]", null));
        ContractAssert.Violation(C.Validate("POST", Campaigns, null, "[{}]", null), "body", "/0", "Required");
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
        CreateCampaigns(CampaignItem()).ThrowIfInvalid();
    }
}
