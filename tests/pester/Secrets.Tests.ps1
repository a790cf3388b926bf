#Requires -Version 7.2
<#
    No secret (access token, refresh token, client secret, authorization code) appears in any
    output stream, -Verbose/-Debug trace, error, transcript or file, except the token cache.
    Every sign-in runs in a fresh pwsh against the fake Pinterest API; the test then collects
    every secret that crossed the wire (from the fake's request log) and scans for each.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:savedVariables = Clear-ConnectionVariables

    # Access tokens live 4 s, so a session refreshes before expiry (margin: half of that).
    $script:server = Start-PinTestServer -AccessTokenLifetime (New-TimeSpan -Seconds 4)
    $script:workDir = Join-Path $TestDrive 'session'
    $script:cacheDir = Join-Path $workDir 'cache'
    $script:stateDir = Join-Path $workDir 'state'
    New-Item -ItemType Directory -Path $workDir | Out-Null

    function Get-CodeFrom([string] $Location) { [uri]::UnescapeDataString(([regex]::Match($Location, '[?&]code=([^&]+)')).Groups[1].Value) }

    # Every secret that crossed the wire: client secret and Basic credentials, and each token or code
    # in a token request or response.
    function Get-WireSecrets {
        $secrets = [System.Collections.Generic.HashSet[string]]::new()
        [void]$secrets.Add($server.ClientSecret)
        [void]$secrets.Add([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($server.ClientId):$($server.ClientSecret)")))
        foreach ($request in $server.Requests) {
            foreach ($match in [regex]::Matches($request.Body, '(?:^|&)(?:refresh_token|code)=([^&]+)')) { [void]$secrets.Add([uri]::UnescapeDataString($match.Groups[1].Value)) }
            foreach ($match in [regex]::Matches([string]$request.ResponseBody, '"(?:access_token|refresh_token)"\s*:\s*"([^"]+)"')) { [void]$secrets.Add($match.Groups[1].Value) }
            $bearer = $request.Header('Authorization')
            if ($bearer -like 'Bearer *') { [void]$secrets.Add($bearer.Substring(7)) }
        }
        @($secrets | Where-Object { $_.Length -ge 8 })
    }

    function Assert-NoSecret([string] $Text, [string[]] $Secrets, [string] $Where) {
        foreach ($secret in $Secrets) {
            $Text.Contains($secret) | Should -BeFalse -Because "$Where must not contain the secret that starts with '$($secret.Substring(0, 4))'"
        }
    }

    $script:appEnvironment = @{
        PINTEREST_ADS_CLIENT_ID       = $server.ClientId
        PINTEREST_ADS_CLIENT_SECRET   = $server.ClientSecret
        PINTEREST_ADS_API_BASE_URI    = $server.BaseUri.ToString()
        PINTEREST_ADS_STATE_DIRECTORY = $stateDir
    }
}

AfterAll {
    if ($server) { Stop-PinTestServer $server }
    Restore-ConnectionVariables $savedVariables
}

Describe 'Secrets stay out of every stream, error and file' {
    BeforeAll {
        # One unattended session with every stream turned up (verbose, debug with the HTTP traces,
        # information), a transcript, a refresh before expiry, a code exchange, failures, the context
        # and a disconnect. Preference variables rather than -Debug: for a compiled cmdlet the -Debug
        # switch turns verbose and warning messages into prompts, which a non-interactive host refuses.
        $location = Get-AuthorizeRedirect "$($server.AuthorizeUri)?client_id=$($server.ClientId)&redirect_uri=$([uri]::EscapeDataString('http://localhost:8085/'))&response_type=code&scope=ads:read&state=s1"
        $environment = $appEnvironment.Clone()
        $script:originalRefreshToken = $server.IssueRefreshToken()
        $environment.TEST_REFRESH_TOKEN = $originalRefreshToken
        $environment.TEST_CODE = Get-CodeFrom $location
        $environment.TEST_CACHE = $cacheDir
        $environment.TEST_TRANSCRIPT = Join-Path $workDir 'transcript.txt'
        $script:session = Invoke-TestPwsh -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
$VerbosePreference = 'Continue'
$DebugPreference = 'Continue'
$InformationPreference = 'Continue'
Start-Transcript -Path $env:TEST_TRANSCRIPT | Out-Null
function Secure($text) { ConvertTo-SecureString $text -AsPlainText -Force }
$secret = Secure $env:PINTEREST_ADS_CLIENT_SECRET
'== refresh token sign-in'
Connect-PinterestAds -ClientId $env:PINTEREST_ADS_CLIENT_ID -ClientSecret $secret -RefreshToken (Secure $env:TEST_REFRESH_TOKEN) -TokenCachePath $env:TEST_CACHE
Get-PinAdAccount | Format-Table | Out-String
Start-Sleep -Seconds 3
'== after the access token reached its margin'
Get-PinAdAccount | Format-List * | Out-String
Get-PinterestAdsContext | Format-List * | Out-String
Get-PinterestAdsContext | ConvertTo-Json -Depth 4
'== authorization code sign-in'
Connect-PinterestAds -ClientId $env:PINTEREST_ADS_CLIENT_ID -ClientSecret $secret -AuthorizationCode (Secure $env:TEST_CODE) -TokenCachePath $env:TEST_CACHE
'== failures'
try { Connect-PinterestAds -ClientId $env:PINTEREST_ADS_CLIENT_ID -ClientSecret $secret -AuthorizationCode (Secure $env:TEST_CODE) -ErrorAction Stop } catch { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
try { Connect-PinterestAds -ClientId $env:PINTEREST_ADS_CLIENT_ID -ClientSecret $secret -RefreshToken (Secure 'rt-bogus-never-issued-0001') -ErrorAction Stop } catch { $_ | Format-List * -Force | Out-String }
try { Connect-PinterestAds -ClientId $env:PINTEREST_ADS_CLIENT_ID -ClientSecret (Secure 'wrong-app-secret-0001') -RefreshToken (Secure 'rt-bogus-never-issued-0002') -ErrorAction Stop } catch { $_ | Format-List * -Force | Out-String }
$Error | Format-List * -Force | Out-String
Get-History | Out-String
'== disconnect'
Disconnect-PinterestAds
Stop-Transcript | Out-Null
'== done'
'@
        $script:secrets = @(Get-WireSecrets) + 'rt-bogus-never-issued-0001', 'rt-bogus-never-issued-0002', 'wrong-app-secret-0001'
    }

    It 'ran the whole session, traced at -Debug level' {
        $session.ExitCode | Should -Be 0 -Because $session.AllText
        $session.Output | Should -Match '== done'
        $session.AllText | Should -Match 'HTTP REQUEST'
        $session.AllText | Should -Match 'POST http://127\.0\.0\.1:\d+/v5/oauth/token'
        $session.AllText | Should -Match 'refresh_token=\*\*\*'
        $session.AllText | Should -Match 'Authorization: <redacted>'
        $session.AllText | Should -Match 'invalidGrant'
        $session.AllText | Should -Match 'invalidClient'
        # A sign-in, a refresh before expiry and a code exchange: at least 3 distinct token pairs.
        @($server.Requests | Where-Object { $_.Path -eq '/v5/oauth/token' -and $_.ResponseStatus -eq 200 }).Count | Should -BeGreaterOrEqual 3
        $secrets.Count | Should -BeGreaterOrEqual 8
    }

    It 'leaves no secret in the output, verbose, debug, warning, information or error streams' {
        Assert-NoSecret $session.AllText $secrets 'the child output'
    }

    It 'leaves no secret in the transcript or any other file, the token cache excepted' {
        $cacheFile = Join-Path $cacheDir 'pinterestads.tokencache.json'
        $files = @(Get-ChildItem -LiteralPath $workDir -Recurse -File -Force | Where-Object FullName -NE $cacheFile)
        $files.Name | Should -Contain 'transcript.txt'
        foreach ($file in $files) {
            Assert-NoSecret ([System.IO.File]::ReadAllText($file.FullName)) $secrets $file.FullName
        }
    }

    It 'keeps the token cache as the one place with tokens, holding lineage hashes and never the spent original' {
        $cacheFile = Join-Path $cacheDir 'pinterestads.tokencache.json'
        $cacheFile | Should -Exist
        $text = [System.IO.File]::ReadAllText($cacheFile)
        $text.Contains($server.ClientSecret) | Should -BeFalse
        $text.Contains($originalRefreshToken) | Should -BeFalse -Because 'the spent original is remembered only as a hash'
        $text.Contains(((Get-FileHash -InputStream ([IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes($originalRefreshToken))) -Algorithm SHA256).Hash.ToLowerInvariant())) | Should -BeTrue
        # Disconnect removed the session default (the code sign-in); the refresh-token grant stays cached.
        $grants = @(($text | ConvertFrom-Json).grants)
        $grants.Count | Should -Be 1
        $grants[0].refreshToken | Should -BeIn $secrets
        $grants[0].lineage | ForEach-Object { $_ | Should -Match '^[0-9a-f]{64}$' }
    }

    It 'shows no secret in an error record raised in this session' {
        $token = $server.IssueRefreshToken()
        $server.RevokeToken($token) | Out-Null
        $secret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
        $DebugPreference = 'Continue'
        $err = { Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $secret -RefreshToken (ConvertTo-SecureString $token -AsPlainText -Force) -Verbose 4>$null 5>$null } |
            Should -Throw -PassThru
        $DebugPreference = 'SilentlyContinue'
        $err.FullyQualifiedErrorId | Should -BeLike 'invalidGrant,*'
        $text = ($err | Format-List * -Force | Out-String) + ($err.Exception | Format-List * -Force | Out-String) + ($err.ErrorDetails | Out-String)
        Assert-NoSecret $text @($token, $server.ClientSecret) 'the error record'
    }

    It 'never shows the authorization code of the browser sign-in' {
        $port = $(
            $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $probe.Start(); $probe.LocalEndpoint.Port; $probe.Stop()
        )
        $child = Start-TestPwsh -Streaming -Environment $appEnvironment -Script @"
Import-Module `$env:PINTERESTADS_MODULE_PATH
`$VerbosePreference = 'Continue'
`$DebugPreference = 'Continue'
Connect-PinterestAds -NoBrowser -RedirectUri 'http://127.0.0.1:$port/'
Get-PinterestAdsContext | Format-List * | Out-String
"@
        try {
            $authorize = Wait-TestPwshLine $child '^http://127\.0\.0\.1:\d+/oauth/\?\S+$'
            $location = Get-AuthorizeRedirect $authorize
            $code = Get-CodeFrom $location
            $http = [System.Net.Http.HttpClient]::new()
            try { $page = $http.GetStringAsync($location).GetAwaiter().GetResult() } finally { $http.Dispose() }
        }
        finally { $result = Wait-TestPwsh $child -TimeoutSeconds 60 }
        $result.ExitCode | Should -Be 0 -Because $result.AllText
        $code.Length | Should -BeGreaterOrEqual 8
        Assert-NoSecret ($result.AllText + $page) (@($code) + @(Get-WireSecrets)) 'the browser sign-in'
    }
}
