# Shared by Campaign/AdGroup/Ad/Batching.Tests.ps1 (dot-sourced in BeforeAll): the module, a fake
# Pinterest API with a signed-in context, the spec contract, and request-log helpers.

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

function Import-AdsModule {
    Import-Module (Get-TestModulePath) -Force
}

function Start-AdsTestServer {
    # Like the real API: Idempotency-Key is ignored, so duplicates are the client's to prevent.
    $server = Start-PinTestServer -IgnoreIdempotencyKey
    $secret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
    $refresh = ConvertTo-SecureString $server.IssueRefreshToken() -AsPlainText -Force
    Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $secret -RefreshToken $refresh
    $server
}

function Initialize-AdsTestRun {
    # The module, a fake API with a signed-in context, the spec contract and the default ad account.
    Import-AdsModule
    $server = Start-AdsTestServer
    $server, (Get-SpecContract), $server.DefaultAdAccountId
}

function Get-AdsRequests {
    # Requests to campaigns, ad groups or ads: -Collection campaigns|ad_groups|ads, -Method POST|PATCH|GET.
    param([Parameter(Mandatory)] $Server, [string] $Method, [string] $Collection = '(campaigns|ad_groups|ads)')
    @($Server.Requests | Where-Object { (-not $Method -or $_.Method -eq $Method) -and $_.Path -match "^/v5/ad_accounts/\d+/$Collection$" })
}

function Get-AdsWrites {
    param([Parameter(Mandatory)] $Server)
    @($Server.Requests | Where-Object { $_.Method -notin 'GET', 'HEAD' -and $_.Path -notmatch '/oauth/' })
}

function Get-MandatoryParameters {
    # The parameters a cmdlet declares Mandatory, sorted: what Get-Help, tab completion and the binder show as required.
    param([Parameter(Mandatory)] [string] $Command)
    @((Get-Command $Command).Parameters.Values |
        Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.Mandatory } } |
        ForEach-Object Name | Sort-Object)
}

function Get-BodyItems {
    # The JSON array a write sent, as objects.
    param([Parameter(Mandatory)] $Request)
    @($Request.Body | ConvertFrom-Json -NoEnumerate)[0]
}

function Assert-MatchesSpec {
    # Every recorded request to the ads collections (query and JSON body) validated against the spec.
    param([Parameter(Mandatory)] $Server, $Contract)
    if (-not $Contract) { Set-ItResult -Skipped -Because 'the Pinterest OpenAPI spec is not available (set PINTEREST_OPENAPI_SPEC)'; return }
    $requests = Get-AdsRequests -Server $Server
    $requests.Count | Should -BeGreaterThan 0
    foreach ($request in $requests) {
        $result = $Contract.Validate($request.Method, $request.Path, $request.Query, $request.Body, $request.Header('Content-Type'))
        $result.IsValid | Should -BeTrue -Because ($result.ToString())
    }
}

function Assert-RefusedBeforeSending {
    # Runs $Action, expects one error naming -$Parameter, and no write in the request log.
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [scriptblock] $Action, [Parameter(Mandatory)] [string] $Parameter, [string] $Rule)
    $before = $Server.Requests.Count
    $errors = [System.Collections.Generic.List[object]]::new()
    try {
        & $Action 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } }
    }
    catch {
        $errors.Add($_)
    }
    $errors.Count | Should -BeGreaterThan 0
    $message = $errors[0].Exception.Message
    $message | Should -Match ("-$Parameter\b|parameter '$Parameter'")
    if ($Rule) { $message | Should -Match $Rule }
    @($Server.Requests | Select-Object -Skip $before | Where-Object { $_.Path -notmatch '/oauth/' }).Count | Should -Be 0
    $errors[0]
}
