#Requires -Version 7.2
<#
    Connect-PinterestAds, Get-PinterestAdsContext and Disconnect-PinterestAds against the fake
    Pinterest API over HTTP: every parameter set (the browser flow in a child pwsh whose browser
    the test plays), refusal in non-interactive hosts, bad input that sends nothing, the token
    cache, refresh across processes (8 processes, one refresh) and rotation across re-runs.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:savedVariables = Clear-ConnectionVariables

    $script:server = Start-PinTestServer
    $script:base = $server.BaseUri.ToString()
    $script:appSecret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
    $script:appEnvironment = @{
        PINTEREST_ADS_CLIENT_ID     = $server.ClientId
        PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret
        PINTEREST_ADS_API_BASE_URI  = $base
    }

    function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

    function Get-TokenPosts([string] $GrantType) {
        @($server.Requests | Where-Object {
                $_.Method -eq 'POST' -and $_.Path -eq '/v5/oauth/token' -and (-not $GrantType -or $_.Body -match "(^|&)grant_type=$GrantType(&|$)")
            })
    }

    function New-TestFolder([string] $Name) {
        $path = Join-Path $TestDrive ($Name + '-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $path | Out-Null
        $path
    }

    function Get-FreePort {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
    }

    function Invoke-Get([string] $Url) {
        $http = [System.Net.Http.HttpClient]::new()
        try { $http.GetAsync($Url).GetAwaiter().GetResult() } finally { $http.Dispose() }
    }

    function ConvertFrom-Query([string] $Query) {
        $result = @{}
        foreach ($pair in $Query.TrimStart('?').Split('&', [StringSplitOptions]::RemoveEmptyEntries)) {
            $name, $value = $pair.Split('=', 2)
            $result[[uri]::UnescapeDataString($name)] = [uri]::UnescapeDataString(($value -replace '\+', ' '))
        }
        $result
    }

    function Get-AuthorizationCode([string] $RedirectUri = 'http://localhost:8085/') {
        $url = "$($server.AuthorizeUri)?client_id=$($server.ClientId)&redirect_uri=$([uri]::EscapeDataString($RedirectUri))&response_type=code&scope=ads:read,ads:write&state=test-state"
        $location = Get-AuthorizeRedirect $url
        (ConvertFrom-Query ([uri]$location).Query)['code']
    }

    function Get-CachedGrants([string] $Folder) {
        $file = Join-Path $Folder 'pinterestads.tokencache.json'
        if (-not (Test-Path $file)) { return @() }
        @((Get-Content -Raw $file | ConvertFrom-Json).grants)
    }

    # What kind of cache this machine gives by default (Encrypted with a key store, else Memory).
    Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -AccessToken (Secure $server.IssueAccessToken()) -DoNotSetDefault -PassThru |
        ForEach-Object { $script:defaultCacheKind = [string]$_.TokenCache }
    $script:hasKeyStore = $defaultCacheKind -eq 'Encrypted'
}

AfterAll {
    if (Get-PinterestAdsContext) { Disconnect-PinterestAds -InformationAction Ignore }
    if ($server) { Stop-PinTestServer $server }
    Restore-ConnectionVariables $savedVariables
}

Describe 'Connect-PinterestAds -RefreshToken' {
    It 'signs in with one refresh at /oauth/token, probes every ad account and writes nothing to the output stream' {
        $before = $server.Requests.Count
        $output = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $server.IssueRefreshToken())
        $output | Should -BeNullOrEmpty

        $requests = @($server.Requests | Select-Object -Skip $before)
        $token = @($requests | Where-Object Path -EQ '/v5/oauth/token')
        $token.Count | Should -Be 1
        $token[0].Method | Should -Be 'POST'
        $token[0].Header('Authorization') | Should -Be ('Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($server.ClientId):$($server.ClientSecret)")))
        $token[0].Header('Content-Type') | Should -BeLike 'application/x-www-form-urlencoded*'
        $token[0].Body | Should -Match '^grant_type=refresh_token&refresh_token=[^&]+$'
        $probe = @($requests | Where-Object Path -EQ '/v5/ad_accounts')
        $probe.Count | Should -Be 1
        $probe[0].Query | Should -Match 'page_size=250'

        $context = Get-PinterestAdsContext
        $context.IsConnected | Should -BeTrue
        $context.AuthenticationMethod | Should -Be 'RefreshToken'
        $context.CanRefresh | Should -BeTrue
        $context.ClientId | Should -Be $server.ClientId
        $context.ApiBaseUri | Should -Be "$base/"
        $context.Environment | Should -Be 'Custom'
        @($context.AdAccountIds) | Should -Be @($server.AdAccountIds)
        $context.Scopes | Should -Contain 'ads:read'
        $context.AccessTokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $context.RefreshTokenExpiresOn | Should -BeGreaterThan $context.AccessTokenExpiresOn
        $context.RequestsPerHour | Should -Be 1000
        $context.TokenCache | Should -Be $defaultCacheKind
    }

    It 'returns the context with -PassThru, and -DoNotSetDefault leaves the session default alone' {
        $default = Get-PinterestAdsContext
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $server.IssueRefreshToken()) -RequestsPerHour 500 -PassThru -DoNotSetDefault
        $context.GetType().FullName | Should -Be 'PinterestAds.Core.Session.PinterestAdsContext'
        $context.RequestsPerHour | Should -Be 500
        (Get-PinterestAdsContext) | Should -Be $default
        @(Get-PinAdAccount -Context $context).Count | Should -Be 3
    }
}

Describe 'The other sign-ins' {
    It '-AccessToken uses the token as it is: no token request, no renewal' {
        $before = (Get-TokenPosts).Count
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -AccessToken (Secure $server.IssueAccessToken()) -PassThru
        (Get-TokenPosts).Count | Should -Be $before
        $context.AuthenticationMethod | Should -Be 'AccessToken'
        $context.CanRefresh | Should -BeFalse
        $context.RefreshTokenExpiresOn | Should -BeNullOrEmpty
        @($context.AdAccountIds).Count | Should -Be 3
    }

    It '-AuthorizationCode with -RedirectUri exchanges the code with the same redirect URI' {
        $redirect = 'http://localhost:8085/'
        $code = Get-AuthorizationCode $redirect
        $before = (Get-TokenPosts 'authorization_code').Count
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -AuthorizationCode (Secure $code) -RedirectUri $redirect -PassThru
        $posts = Get-TokenPosts 'authorization_code'
        $posts.Count | Should -Be ($before + 1)
        $posts[-1].Body | Should -Match ('(^|&)redirect_uri=' + [regex]::Escape([uri]::EscapeDataString($redirect)) + '(&|$)')
        $context.AuthenticationMethod | Should -Be 'AuthorizationCode'
        $context.CanRefresh | Should -BeTrue
    }

    It '-AuthorizationCode refuses a code that was already used, with advice to connect again' {
        $code = Get-AuthorizationCode
        Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -AuthorizationCode (Secure $code) -DoNotSetDefault
        $err = { Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -AuthorizationCode (Secure $code) -DoNotSetDefault } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'invalidGrant,*'
        $err.Exception.Message | Should -Match 'Connect-PinterestAds again'
    }

    It '-EnvironmentVariable reads the app, the API address and a refresh token from PINTEREST_ADS_*' {
        $environment = $appEnvironment.Clone()
        $environment.PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $environment.PINTEREST_ADS_REQUESTS_PER_HOUR = '750'
        $environment.PINTEREST_ADS_LIMIT_MAX_WAIT = '5'
        $environment.PINTEREST_ADS_TIMEOUT = '12.5'
        $result = Invoke-TestPwsh -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
$quiet = Connect-PinterestAds -EnvironmentVariable
$c = Get-PinterestAdsContext
[pscustomobject]@{ Quiet = $null -eq $quiet; Method = "$($c.AuthenticationMethod)"; Base = "$($c.ApiBaseUri)"; Accounts = $c.AdAccountIds.Count; PerHour = $c.RequestsPerHour; MaxWait = $c.LimitMaxWait.TotalSeconds; Timeout = $c.RequestTimeout.TotalSeconds; Client = $c.ClientId } | ConvertTo-Json -Compress
'@
        $result.ExitCode | Should -Be 0 -Because $result.AllText
        $data = $result.Output | ConvertFrom-Json
        $data.Quiet | Should -BeTrue
        $data.Method | Should -Be 'RefreshToken'
        $data.Base | Should -Be "$base/"
        $data.Accounts | Should -Be 3
        $data.PerHour | Should -Be 750
        $data.MaxWait | Should -Be 5
        $data.Timeout | Should -Be 12.5
        $data.Client | Should -Be $server.ClientId
    }

    It '-EnvironmentVariable with only PINTEREST_ADS_ACCESS_TOKEN signs in with the access token' {
        $environment = @{ PINTEREST_ADS_CLIENT_ID = $server.ClientId; PINTEREST_ADS_API_BASE_URI = $base; PINTEREST_ADS_ACCESS_TOKEN = $server.IssueAccessToken() }
        $result = Invoke-TestPwsh -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable
"$((Get-PinterestAdsContext).AuthenticationMethod) $((Get-PinAdAccount).Count)"
'@
        $result.ExitCode | Should -Be 0 -Because $result.AllText
        $result.Output.Trim() | Should -Be 'AccessToken 3'
    }
}

Describe 'The browser sign-in' {
    It 'with -NoBrowser prints the authorize address, receives the redirect on the loopback listener and exchanges the code' {
        $port = Get-FreePort
        $redirect = "http://127.0.0.1:$port/"
        $child = Start-TestPwsh -Streaming -Environment $appEnvironment -Script @"
Import-Module `$env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -NoBrowser -RedirectUri '$redirect' -Scopes ads:read, ads:write, user_accounts:read
`$c = Get-PinterestAdsContext
"RESULT `$(`$c.AuthenticationMethod) `$(`$c.AdAccountIds.Count) `$(`$c.CanRefresh)"
"@
        try {
            $authorize = Wait-TestPwshLine $child '^http://127\.0\.0\.1:\d+/oauth/\?\S+$'
            $query = ConvertFrom-Query ([uri]$authorize).Query
            $query['client_id'] | Should -Be $server.ClientId
            $query['redirect_uri'] | Should -Be $redirect
            $query['response_type'] | Should -Be 'code'
            $query['scope'] | Should -Be 'ads:read,ads:write,user_accounts:read'
            $authorize | Should -Match 'scope=ads:read,ads:write,user_accounts:read'
            $query['state'].Length | Should -BeGreaterOrEqual 32

            $before = (Get-TokenPosts 'authorization_code').Count
            $location = Get-AuthorizeRedirect $authorize
            $location | Should -BeLike "$redirect`?code=*"
            $page = Invoke-Get $location
            [int]$page.StatusCode | Should -Be 200
            $page.Content.ReadAsStringAsync().Result | Should -Match 'signed in'
        }
        finally { $result = Wait-TestPwsh $child -TimeoutSeconds 60 }

        $result.ExitCode | Should -Be 0 -Because $result.AllText
        $result.Output | Should -Match 'RESULT Browser 3 True'
        (Get-TokenPosts 'authorization_code').Count | Should -Be ($before + 1)
    }

    It 'refuses a redirect whose state does not match, and never exchanges its code' {
        $port = Get-FreePort
        $redirect = "http://127.0.0.1:$port/"
        $child = Start-TestPwsh -Streaming -Environment $appEnvironment -Script @"
Import-Module `$env:PINTERESTADS_MODULE_PATH
try { Connect-PinterestAds -NoBrowser -RedirectUri '$redirect' -ErrorAction Stop; 'CONNECTED' }
catch { "ERROR `$(`$_.FullyQualifiedErrorId) `$(`$_.Exception.Message)"; exit 3 }
"@
        try {
            $authorize = Wait-TestPwshLine $child '^http://127\.0\.0\.1:\d+/oauth/\?\S+$'
            $before = (Get-TokenPosts).Count
            $location = Get-AuthorizeRedirect $authorize
            $forged = $location -replace 'state=[^&]+', 'state=forged-state'
            $page = Invoke-Get $forged
            [int]$page.StatusCode | Should -Be 400
        }
        finally { $result = Wait-TestPwsh $child -TimeoutSeconds 60 }

        $result.ExitCode | Should -Be 3 -Because $result.AllText
        $result.Output | Should -Match 'ERROR stateMismatch'
        $result.Output | Should -Match 'state'
        (Get-TokenPosts).Count | Should -Be $before
    }

    It 'is refused in a non-interactive host with advice to use -RefreshToken or -EnvironmentVariable, and sends nothing' {
        $before = $server.Requests.Count
        $result = Invoke-TestPwsh -Environment $appEnvironment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
try { Connect-PinterestAds -RedirectUri 'http://127.0.0.1:8091/' -ErrorAction Stop; 'CONNECTED' } catch { "$($_.FullyQualifiedErrorId)|$($_.Exception.Message)|$($_.ErrorDetails.RecommendedAction)" }
'@
        $id, $message, $advice = $result.Output.Trim() -split '\|'
        $id | Should -BeLike 'nonInteractiveHost,*'
        $message | Should -Match 'NonInteractive|redirected'
        $advice | Should -Match '-RefreshToken'
        $advice | Should -Match '-EnvironmentVariable'
        $server.Requests.Count | Should -Be $before
    }
}

Describe 'Bad input gets a clear error and sends nothing' {
    BeforeEach { $before = $server.Requests.Count }

    It 'a missing client id names PINTEREST_ADS_CLIENT_ID' {
        $err = { Connect-PinterestAds -ApiBaseUri $base -ClientSecret $appSecret -RefreshToken (Secure 'rt-not-sent-12345') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'missingClientId,*'
        $err.Exception.Message | Should -Match 'PINTEREST_ADS_CLIENT_ID'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $server.Requests.Count | Should -Be $before
    }

    It 'a missing client secret names PINTEREST_ADS_CLIENT_SECRET' {
        $err = { Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -RefreshToken (Secure 'rt-not-sent-12345') } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'PINTEREST_ADS_CLIENT_SECRET'
        $server.Requests.Count | Should -Be $before
    }

    It 'a malformed base URI (<Value>) names -ApiBaseUri' -ForEach @(
        @{ Value = 'not a uri' }, @{ Value = 'http://api.example.com/v5' }, @{ Value = 'https://api.example.com/v5?x=1' }
    ) {
        $err = { Connect-PinterestAds -ApiBaseUri $Value -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure 'rt-not-sent-12345') } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '-ApiBaseUri:*'
        $server.Requests.Count | Should -Be $before
    }

    It 'a malformed PINTEREST_ADS_API_BASE_URI names the variable' {
        $result = Invoke-TestPwsh -Environment @{ PINTEREST_ADS_API_BASE_URI = 'ftp://127.0.0.1/v5'; PINTEREST_ADS_CLIENT_ID = '1'; PINTEREST_ADS_CLIENT_SECRET = 'x-secret-x' } -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
try { Connect-PinterestAds -RefreshToken (ConvertTo-SecureString 'rt-not-sent-12345' -AsPlainText -Force) -ErrorAction Stop } catch { $_.Exception.Message }
'@
        $result.Output | Should -Match '^Environment variable PINTEREST_ADS_API_BASE_URI:'
    }

    It 'a bad <Variable> names the variable' -ForEach @(
        @{ Variable = 'PINTEREST_ADS_REQUESTS_PER_HOUR'; Value = 'lots' }
        @{ Variable = 'PINTEREST_ADS_TIMEOUT'; Value = '0' }
    ) {
        [Environment]::SetEnvironmentVariable($Variable, $Value)
        try {
            $err = { Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure 'rt-not-sent-12345') } | Should -Throw -PassThru
        }
        finally { [Environment]::SetEnvironmentVariable($Variable, $null) }
        $err.Exception.Message | Should -Match $Variable
        $server.Requests.Count | Should -Be $before
    }

    It 'a browser redirect URI that is not loopback names -RedirectUri' {
        $err = { Connect-PinterestAds -NoBrowser -RedirectUri 'https://example.com/callback' -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '-RedirectUri:*'
        $server.Requests.Count | Should -Be $before
    }

    It 'an <Kind> refresh token is one invalid-grant error that says to connect again, after one token request' -ForEach @(
        @{ Kind = 'unknown' }, @{ Kind = 'revoked' }
    ) {
        $token = 'rt-unknown-0000000000'
        if ($Kind -eq 'revoked') { $token = $server.IssueRefreshToken(); $server.RevokeToken($token) | Should -BeTrue }
        $err = { Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $token) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'invalidGrant,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'code 283'
        $err.Exception.Message | Should -Match 'run Connect-PinterestAds again'
        $sent = @($server.Requests | Select-Object -Skip $before)
        $sent.Count | Should -Be 1
        $sent[0].Path | Should -Be '/v5/oauth/token'
    }

    It 'an unknown -Scopes value names -Scopes' {
        $err = { Connect-PinterestAds -NoBrowser -Scopes 'ads read' -RedirectUri 'http://127.0.0.1:8092/' -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '-Scopes:*'
        $server.Requests.Count | Should -Be $before
    }
}

Describe 'A sign-in revoked at Pinterest' {
    It 'fails with "Pinterest Ads /ad_accounts returned 401" and advice to connect, after one refresh attempt and no loop' {
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $server.IssueRefreshToken()) -PassThru -DoNotSetDefault
        $server.RevokeAllTokens()
        $before = $server.Requests.Count
        $err = { Get-PinAdAccount -Context $context -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike 'Pinterest Ads /ad_accounts returned 401*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-PinterestAds'
        $sent = @($server.Requests | Select-Object -Skip $before)
        @($sent | Where-Object Path -EQ '/v5/oauth/token').Count | Should -Be 1
        @($sent | Where-Object Path -EQ '/v5/ad_accounts').Count | Should -Be 1

        $before = $server.Requests.Count
        { Get-PinAdAccount -Context $context -ErrorAction Stop } | Should -Throw '*returned 401*'
        @($server.Requests | Select-Object -Skip $before | Where-Object Path -EQ '/v5/oauth/token').Count | Should -Be 0
    }
}

Describe 'The token cache' {
    It 'with -TokenCachePath and no OS key store is a 0600 plaintext file, announced by exactly one warning' {
        if ($hasKeyStore) { Set-ItResult -Skipped -Because 'this machine encrypts the cache with its key store' }
        $folder = Join-Path (New-TestFolder 'cache') 'nested'
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $server.IssueRefreshToken()) `
            -TokenCachePath $folder -PassThru -DoNotSetDefault -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'UNENCRYPTED'
        $context.TokenCache | Should -Be 'PlaintextFile'
        $context.TokenCachePath | Should -Be (Join-Path $folder 'pinterestads.tokencache.json')
        if (-not $IsWindows) {
            [System.IO.File]::GetUnixFileMode($context.TokenCachePath) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
            [System.IO.File]::GetUnixFileMode($folder) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        }
        @(Get-CachedGrants $folder).Count | Should -Be 1
    }

    It 'is named by PINTEREST_ADS_TOKEN_CACHE as well' {
        if ($hasKeyStore) { Set-ItResult -Skipped -Because 'this machine encrypts the cache with its key store' }
        $folder = New-TestFolder 'envcache'
        $environment = $appEnvironment.Clone()
        $environment.PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $environment.PINTEREST_ADS_TOKEN_CACHE = $folder
        $result = Invoke-TestPwsh -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue
$c = Get-PinterestAdsContext
"$($c.TokenCache)|$($c.TokenCachePath)"
'@
        $result.ExitCode | Should -Be 0 -Because $result.AllText
        $result.Output.Trim() | Should -Be "PlaintextFile|$(Join-Path $folder 'pinterestads.tokencache.json')"
    }

    It 'stays in memory without a key store or a folder, and Get-PinterestAdsContext says so' {
        if ($hasKeyStore) { Set-ItResult -Skipped -Because 'this machine encrypts the cache with its key store' }
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $server.IssueRefreshToken()) -PassThru -DoNotSetDefault -WarningVariable warnings
        @($warnings).Count | Should -Be 0
        $context.TokenCache | Should -Be 'Memory'
        $context.TokenCachePath | Should -BeNullOrEmpty
    }

    It 'shows the masked Redis configuration, the budget and no token in Get-PinterestAdsContext' {
        $refresh = $server.IssueRefreshToken()
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $refresh) -PassThru -DoNotSetDefault
        $shown = ($context | Format-List * | Out-String) + ($context | ConvertTo-Json -Depth 3)
        $shown | Should -Not -Match ([regex]::Escape($refresh))
        $shown | Should -Not -Match ([regex]::Escape($server.ClientSecret))
        foreach ($post in Get-TokenPosts) {
            foreach ($match in [regex]::Matches($post.ResponseBody, '"(?:access|refresh)_token"\s*:\s*"([^"]+)"')) {
                $shown | Should -Not -Match ([regex]::Escape($match.Groups[1].Value))
            }
        }
        foreach ($name in 'TokenCache', 'TokenCachePath', 'AccessTokenExpiresOn', 'RefreshTokenExpiresOn', 'Scopes', 'Environment', 'ApiBaseUri', 'ClientId', 'AdAccountIds', 'RequestsPerHour', 'Redis') {
            $context.PSObject.Properties.Name | Should -Contain $name
        }
    }
}

Describe 'Refresh across processes' {
    It 'eight processes that share a cache and start with an expired token cause exactly one refresh, and all succeed' {
        $folder = New-TestFolder 'shared'
        $environment = $appEnvironment.Clone()
        $environment.PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $environment.PINTEREST_ADS_TOKEN_CACHE = $folder
        $script = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue
"OK $(@(Get-PinAdAccount).Count)"
'@
        # The first run spends the supplied refresh token and caches the rotated pair.
        $first = Invoke-TestPwsh -Environment $environment -Script $script
        $first.Output.Trim() | Should -Be 'OK 3' -Because $first.AllText

        $server.ExpireAccessTokens()
        $before = (Get-TokenPosts 'refresh_token').Count
        $racing = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue -Verbose 4>&1 | ForEach-Object { if ("$_" -match 'another process') { 'ADOPTED' } elseif ("$_" -match '^Refreshing') { 'REFRESHED' } }
"OK $(@(Get-PinAdAccount).Count)"
'@
        $children = 1..8 | ForEach-Object { Start-TestPwsh -Environment $environment -Script $racing }
        $results = $children | ForEach-Object { Wait-TestPwsh $_ -TimeoutSeconds 180 }

        foreach ($result in $results) {
            $result.ExitCode | Should -Be 0 -Because $result.AllText
            $result.Output | Should -Match '(?m)^OK 3$' -Because $result.AllText
        }
        (Get-TokenPosts 'refresh_token').Count - $before | Should -Be 1
        @($results | Where-Object Output -Match 'REFRESHED').Count | Should -Be 1
        $adopted = @($results | Where-Object Output -Match 'ADOPTED').Count
        Write-Host "    (1 process refreshed; $adopted found its token in the cache after waiting for the lock, $(7 - $adopted) found it before)"
    }

    It 'a runbook that restarts from the same original refresh token three times keeps working after rotation' {
        $folder = New-TestFolder 'runbook'
        $original = $server.IssueRefreshToken()
        $environment = $appEnvironment.Clone()
        $environment.PINTEREST_ADS_REFRESH_TOKEN = $original
        $environment.PINTEREST_ADS_TOKEN_CACHE = $folder
        $before = (Get-TokenPosts 'refresh_token').Count
        foreach ($run in 1..3) {
            $result = Invoke-TestPwsh -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue
"OK $(@(Get-PinAdAccount).Count)"
'@
            $result.Output.Trim() | Should -Be 'OK 3' -Because "run $run`: $($result.AllText)"
            # Each run leaves an access token that Pinterest then expires, so the next run must refresh.
            $server.ExpireAccessTokens()
        }
        $refreshes = @(Get-TokenPosts 'refresh_token' | Select-Object -Skip $before)
        $refreshes.Count | Should -Be 3
        @($refreshes | Where-Object Body -Match ('refresh_token=' + [regex]::Escape([uri]::EscapeDataString($original)) + '(&|$)')).Count | Should -Be 1
        @($refreshes | Where-Object ResponseStatus -NE 200).Count | Should -Be 0
        $grant = @(Get-CachedGrants $folder)
        $grant.Count | Should -Be 1
        $grant[0].lineage.Count | Should -Be 4
    }
}

Describe 'Disconnect-PinterestAds' {
    It 'forgets the tokens in memory and in the cache, says how to revoke the app, and API cmdlets then refuse' {
        $folder = New-TestFolder 'disconnect'
        $original = $server.IssueRefreshToken()
        $context = Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $original) -TokenCachePath $folder -PassThru -WarningAction SilentlyContinue
        if (-not $hasKeyStore) { @(Get-CachedGrants $folder).Count | Should -Be 1 }

        $output = Disconnect-PinterestAds -InformationVariable information 6>$null
        $output | Should -BeNullOrEmpty
        "$information" | Should -Match 'Security and logins'
        "$information" | Should -Match 'Revoke'
        $context.IsConnected | Should -BeFalse
        Get-PinterestAdsContext | Should -BeNullOrEmpty
        if (-not $hasKeyStore) { @(Get-CachedGrants $folder).Count | Should -Be 0 }

        $before = $server.Requests.Count
        foreach ($call in { Get-PinAdAccount -ErrorAction Stop }, { Get-PinAdAccount -Context $context -ErrorAction Stop }) {
            $err = $call | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'notConnected,*'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-PinterestAds'
        }
        $server.Requests.Count | Should -Be $before

        # The cache no longer maps the original token to its successor, and the original was spent.
        { Connect-PinterestAds -ApiBaseUri $base -ClientId $server.ClientId -ClientSecret $appSecret -RefreshToken (Secure $original) -TokenCachePath $folder -WarningAction SilentlyContinue } |
            Should -Throw '*Connect-PinterestAds again*'
    }

    It 'does nothing when not connected' {
        Get-PinterestAdsContext | Should -BeNullOrEmpty
        { Disconnect-PinterestAds -ErrorAction Stop } | Should -Not -Throw
    }
}
