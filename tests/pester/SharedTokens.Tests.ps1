#Requires -Version 7.2
<#
    Runbook machines that share one sign-in through Redis: two child pwsh processes with
    different token cache folders (two machines) and the same PINTEREST_ADS_REDIS start every run
    from the same original refresh token. Pinterest (and the fake) rotates the refresh token on
    every refresh and the old one dies, so without the shared token store the second machine would
    spend a dead token. Also: Redis never holds a token in clear, and Disconnect removes the pair.
#>

BeforeDiscovery {
    $script:hasRedis = [bool](Get-Command redis-server -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RedisServer.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:savedVariables = Clear-ConnectionVariables

    $script:server = Start-PinTestServer

    function Remove-Ansi([string] $Text) { $Text -replace '\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]', '' }

    function Invoke-Machine([string] $Script, [hashtable] $Environment) {
        $variables = $Environment.Clone()
        $variables.TERM = 'dumb'
        $variables.NO_COLOR = '1'
        $result = Invoke-TestPwsh -Script $Script -Environment $variables -TimeoutSeconds 180
        [pscustomobject]@{ ExitCode = $result.ExitCode; Output = (Remove-Ansi $result.Output); AllText = (Remove-Ansi $result.AllText) }
    }

    function New-MachineFolder([string] $Name) {
        $path = Join-Path $TestDrive ($Name + '-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $path | Out-Null
        $path
    }

    function Get-RefreshPosts {
        @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/oauth/token' -and $_.Body -match '(^|&)grant_type=refresh_token(&|$)' })
    }

    function Get-Sha256Hex([string] $Text) {
        $sha = [System.Security.Cryptography.SHA256]::Create()
        try { [Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Text))).ToLowerInvariant() } finally { $sha.Dispose() }
    }

    # A runbook run: signs in from the original refresh token, lists the ad accounts, and says
    # whether it refreshed or took the pair another machine shared.
    $script:runbook = @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue -Verbose 4>&1 | ForEach-Object {
    if ("$_" -match 'shared through Redis') { 'SHARED' } elseif ("$_" -match '^Refreshing') { 'REFRESHED' }
}
"OK $(@(Get-PinAdAccount).Count)"
'@
}

AfterAll {
    if ($server) { Stop-PinTestServer $server }
    Restore-ConnectionVariables $savedVariables
}

Describe 'Runbook machines sharing one sign-in through Redis' -Skip:(-not $hasRedis) {
    BeforeAll {
        $script:redis = Start-TestRedis
        $script:original = $server.IssueRefreshToken()
        $script:machines = [ordered]@{ A = (New-MachineFolder 'machine-a'); B = (New-MachineFolder 'machine-b') }
        $script:shared = @{
            PINTEREST_ADS_CLIENT_ID     = $server.ClientId
            PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret
            PINTEREST_ADS_API_BASE_URI  = $server.BaseUri.ToString()
            PINTEREST_ADS_REFRESH_TOKEN = $original
            PINTEREST_ADS_REDIS         = $redis.Configuration
        }
    }
    AfterAll {
        $redis | Stop-TestRedis
    }

    It 'two machines run twice each in alternation from the same refresh token: every run succeeds, no dead token is ever sent' {
        $refreshesBefore = (Get-RefreshPosts).Count
        $countBefore = $server.TokenRefreshCount
        $expiries = 0
        $runs = foreach ($round in 1..2) {
            foreach ($name in $machines.Keys) {
                $environment = $shared.Clone()
                $environment.PINTEREST_ADS_TOKEN_CACHE = $machines[$name]
                $result = Invoke-Machine -Script $runbook -Environment $environment
                $result.ExitCode | Should -Be 0 -Because "$name run $round`: $($result.AllText)"
                $result.Output | Should -Match '(?m)^OK 3$' -Because "$name run $round`: $($result.AllText)"
                [pscustomobject]@{ Machine = $name; Round = $round; Shared = $result.Output -match '(?m)^SHARED$'; Refreshed = $result.Output -match '(?m)^REFRESHED$' }

                # Pinterest expires the access token between runs, so the next run must renew.
                $server.ExpireAccessTokens()
                $expiries++
            }
        }

        $refreshes = @(Get-RefreshPosts | Select-Object -Skip $refreshesBefore)
        @($refreshes | Where-Object { $_.ResponseStatus -eq 400 -and $_.ResponseBody -match '"code"\s*:\s*283' }).Count | Should -Be 0
        @($refreshes | Where-Object ResponseStatus -NE 200).Count | Should -Be 0
        $refreshes.Count | Should -Be $expiries
        $server.TokenRefreshCount - $countBefore | Should -Be $expiries

        # The original was spent exactly once; every later run started from the pair the other machine shared.
        @($refreshes | Where-Object Body -Match ('refresh_token=' + [regex]::Escape([uri]::EscapeDataString($original)) + '(&|$)')).Count | Should -Be 1
        $runs[0].Shared | Should -BeFalse
        foreach ($run in $runs | Select-Object -Skip 1) { $run.Shared | Should -BeTrue -Because "$($run.Machine) run $($run.Round) follows a run of the other machine" }
        foreach ($run in $runs) { $run.Refreshed | Should -BeTrue }
    }

    It 'keeps no token in clear in Redis, nor in a key name' {
        $tokens = [System.Collections.Generic.List[string]]::new()
        $tokens.Add($original)
        foreach ($post in $server.Requests | Where-Object Path -EQ '/v5/oauth/token') {
            foreach ($match in [regex]::Matches("$($post.ResponseBody)", '"(?:access|refresh)_token"\s*:\s*"([^"]+)"')) { $tokens.Add($match.Groups[1].Value) }
        }
        $tokens.Count | Should -BeGreaterThan 4

        $keys = @(Invoke-RedisCommand $redis --scan | Where-Object { $_ })
        $tokenKeys = @($keys | Where-Object { $_ -like 'pinterestads:tokens:*' })
        $tokenKeys.Count | Should -BeGreaterThan 0
        $dump = [System.Text.StringBuilder]::new()
        foreach ($key in $keys) {
            [void]$dump.AppendLine($key)
            switch ((Invoke-RedisCommand $redis TYPE $key) -join '') {
                'string' { [void]$dump.AppendLine(((Invoke-RedisCommand $redis GET $key) -join "`n")) }
                'hash' { [void]$dump.AppendLine(((Invoke-RedisCommand $redis HGETALL $key) -join "`n")) }
                'zset' { [void]$dump.AppendLine(((Invoke-RedisCommand $redis ZRANGE $key 0 -1) -join "`n")) }
            }
        }
        $text = $dump.ToString()
        foreach ($token in $tokens) {
            $text | Should -Not -Match ([regex]::Escape($token))
            $tokenKeys -join "`n" | Should -Not -Match (Get-Sha256Hex $token).Substring(0, 16)
        }
    }

    It 'Disconnect-PinterestAds removes the shared pair of the sign-in' {
        (@(Invoke-RedisCommand $redis --scan --pattern 'pinterestads:tokens:{*') | Where-Object { $_ }).Count | Should -Be 1
        $environment = $shared.Clone()
        $environment.PINTEREST_ADS_TOKEN_CACHE = $machines['A']
        $result = Invoke-Machine -Environment $environment -Script @'
Import-Module $env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -EnvironmentVariable -WarningAction SilentlyContinue
Disconnect-PinterestAds -InformationAction Ignore
'DONE'
'@
        $result.Output | Should -Match '(?m)^DONE$' -Because $result.AllText
        @(Invoke-RedisCommand $redis --scan --pattern 'pinterestads:tokens:*' | Where-Object { $_ }).Count | Should -Be 0
    }
}
