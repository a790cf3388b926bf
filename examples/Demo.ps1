<#
.SYNOPSIS
    The README demo: signs in to the built-in fake Pinterest API and looks around.
.DESCRIPTION
    Starts the fake Pinterest Marketing API on loopback (Start-PinTestServer), signs in the way a
    browser sign-in would (the demo plays the browser: it follows the authorize page's redirect and
    hands the authorization code to Connect-PinterestAds), lists the ad accounts as a table and
    shows the connection with Get-PinterestAdsContext. It needs no Pinterest account and never
    prompts, so it runs in CI as well (./build.ps1 demo).
.PARAMETER ModuleManifest
    The PinterestAds.psd1 to import; defaults to the built module in out/PinterestAds.
#>
[CmdletBinding()]
param(
    [string] $ModuleManifest = (Join-Path $PSScriptRoot '../out/PinterestAds/PinterestAds.psd1')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Write-Heading([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

# Plays the user's browser: opens the authorize page (the fake consents at once) and returns the
# address Pinterest redirects to, which carries the authorization code.
function Invoke-FakeBrowser([uri] $AuthorizeUri) {
    $handler = [System.Net.Http.HttpClientHandler]::new()
    $handler.AllowAutoRedirect = $false
    $http = [System.Net.Http.HttpClient]::new($handler)
    try {
        $response = $http.GetAsync($AuthorizeUri).GetAwaiter().GetResult()
        if ([int]$response.StatusCode -ne 302) { throw "The authorize page answered $([int]$response.StatusCode) instead of redirecting." }
        [uri]$response.Headers.Location
    }
    finally { $http.Dispose() }
}

Import-Module $ModuleManifest -Force

Write-Heading 'Start the fake Pinterest API'
$server = Start-PinTestServer -AdAccountCount 3
try {
    Write-Host "Listening on $($server.BaseUri) (app $($server.ClientId))."

    Write-Heading 'Sign in'
    $redirectUri = 'http://localhost:8085/'
    $scopes = 'ads:read,ads:write,user_accounts:read,pins:read,pins:write,boards:read,boards:write'
    $state = [guid]::NewGuid().ToString('N')
    $authorize = "$($server.AuthorizeUri)?client_id=$($server.ClientId)&redirect_uri=$([uri]::EscapeDataString($redirectUri))&response_type=code&scope=$scopes&state=$state"
    $redirect = Invoke-FakeBrowser $authorize
    $returned = @{}
    foreach ($pair in $redirect.Query.TrimStart('?').Split('&')) {
        $name, $value = $pair.Split('=', 2)
        $returned[$name] = [uri]::UnescapeDataString($value)
    }
    if ($returned['state'] -ne $state) { throw 'The redirect carried another state; refusing its code.' }
    Write-Host "The browser came back to $redirectUri with an authorization code (not shown: codes are secrets)."

    # Secrets travel as SecureString; in real use they come from Read-Host -AsSecureString or a vault.
    $code = ConvertTo-SecureString $returned['code'] -AsPlainText -Force
    $appSecret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
    Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $appSecret `
        -AuthorizationCode $code -RedirectUri $redirectUri
    Write-Host 'Connected. Connect-PinterestAds writes nothing unless you ask for -PassThru.'

    Write-Heading 'Ad accounts (Get-PinAdAccount)'
    Get-PinAdAccount | Format-Table -AutoSize | Out-Host

    Write-Heading 'The connection (Get-PinterestAdsContext)'
    Get-PinterestAdsContext |
        Format-List ClientId, Environment, ApiBaseUri, AuthenticationMethod, Scopes, AccessTokenExpiresOn, RefreshTokenExpiresOn,
        TokenCache, TokenCachePath, AdAccountIds, RequestsPerHour |
        Out-Host

    # A campaign, an ad group and an ad through their life: create, refuse bad input, pause, list.
    & (Join-Path $PSScriptRoot 'Demo.Ads.ps1') -AdAccountId $server.DefaultAdAccountId

    # A board, a small video uploaded, a video pin of it and an ad of that pin.
    & (Join-Path $PSScriptRoot 'Demo.Creatives.ps1') -AdAccountId $server.DefaultAdAccountId

    # Three variants of a creative as ad groups, a week of delivery, the winner, and a report file.
    & (Join-Path $PSScriptRoot 'Demo.Experiment.ps1') -AdAccountId $server.DefaultAdAccountId -TestServer $server

    Write-Heading 'Sign out'
    # Says how to revoke the app at Pinterest too (an information message; -InformationAction Ignore hides it).
    Disconnect-PinterestAds
}
finally {
    Stop-PinTestServer $server
}
