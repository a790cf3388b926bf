#Requires -Version 7.2
<#
    Sync-PinAnalytics, the hourly runbook step, over HTTP against the fake Pinterest API: watermarks
    and the lookback, a watermark that moves only after the rows were written, and workers in
    separate processes that split the ad accounts through leases on a real redis-server (and in
    the state folder without one).
#>

BeforeDiscovery {
    $script:hasRedis = [bool](Get-Command redis-server -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    Import-Module (Join-Path $PSScriptRoot 'RedisServer.psm1') -Force
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $env:PINTEREST_ADS_EXCHANGE_RATES_URI = $server.ExchangeRates.Uri
    $script:accounts = @($server.AdAccountIds)
    $script:today = $server.UtcNow.UtcDateTime.Date

    function Get-AnalyticsRequests {
        @($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -match '^/v5/ad_accounts/\d+/analytics$' })
    }

    function Day([int] $Offset) { $today.AddDays($Offset).ToString('yyyy-MM-dd') }

    function New-JobName { 'job-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }

    function Start-SyncWorker {
        # A worker in its own pwsh, as a runbook on another machine: signed in with its own token,
        # sharing the job through -RedisConfiguration (or the state folder), writing its rows as JSON.
        param([string] $Job, [string] $Redis, [string] $StateFolder)
        $connect = "Connect-PinterestAds -ApiBaseUri '$($server.BaseUri)' -ClientId '$($server.ClientId)' -AccessToken (ConvertTo-SecureString '$($server.IssueAccessToken())' -AsPlainText -Force)"
        if ($Redis) { $connect += " -RedisConfiguration '$Redis'" }
        Start-TestPwsh -Environment @{ PINTEREST_ADS_STATE_DIRECTORY = $StateFolder; PINTEREST_ADS_EXCHANGE_RATES_URI = $server.ExchangeRates.Uri } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module `$env:PINTERESTADS_MODULE_PATH
$connect
Sync-PinAnalytics -AdAccountId $($accounts -join ',') -Name '$Job' | ForEach-Object { '{0} {1:yyyy-MM-dd}' -f `$_.AdAccountId, `$_.Date }
"@
    }

    function Assert-EachAccountPulledOnce {
        param([object[]] $Results)
        foreach ($result in $Results) { $result.ExitCode | Should -Be 0 -Because $result.AllText }
        $pulls = Get-AnalyticsRequests
        $pulls.Count | Should -Be $accounts.Count -Because ($pulls | Out-String)
        @($pulls.Path | Sort-Object -Unique).Count | Should -Be $accounts.Count
        $rows = @($Results.Output -split "`n" | Where-Object { $_ -match '^\d+ \d{4}-' })
        $rows.Count | Should -Be (4 * $accounts.Count) -Because 'each account''s first run reads the lookback window: today and the 3 days before'
        @($rows | Sort-Object -Unique).Count | Should -Be $rows.Count -Because 'no row is written twice'
    }
}

AfterAll {
    $server.Dispose()
    Remove-Item env:PINTEREST_ADS_EXCHANGE_RATES_URI, env:PINTEREST_ADS_STATE_DIRECTORY -ErrorAction Ignore
}

Describe 'Sync-PinAnalytics watermarks' {
    BeforeEach {
        $server.ClearRequests()
        $server.Faults.Clear()
    }

    It 'pulls from -StartDate on the first run, then only the lookback window before the watermark' {
        $job = New-JobName
        $first = @(Sync-PinAnalytics -AdAccountId $account -Name $job -StartDate (Day -20))
        $first.Count | Should -Be 21
        $first[0].PSTypeNames[0] | Should -Be 'PinterestAds.AnalyticsRow'
        (Get-AnalyticsRequests)[0].QueryParameters['start_date'] | Should -Be (Day -20)
        $server.ClearRequests()

        $second = @(Sync-PinAnalytics -AdAccountId $account -Name $job -RunWindow 0)

        $second.Count | Should -Be 4
        $sent = Get-AnalyticsRequests
        $sent.Count | Should -Be 1
        $sent[0].QueryParameters['start_date'] | Should -Be (Day -3)
        $sent[0].QueryParameters['end_date'] | Should -Be (Day 0)
    }

    It 'takes -LookbackDays' {
        $job = New-JobName
        $null = Sync-PinAnalytics -AdAccountId $account -Name $job
        $server.ClearRequests()
        @(Sync-PinAnalytics -AdAccountId $account -Name $job -RunWindow 0 -LookbackDays 7).Count | Should -Be 8
        (Get-AnalyticsRequests)[0].QueryParameters['start_date'] | Should -Be (Day -7)
    }

    It 'skips an account any worker pulled within the run window, sending nothing' {
        $job = New-JobName
        $null = Sync-PinAnalytics -AdAccountId $account -Name $job
        $server.ClearRequests()

        $again = @(Sync-PinAnalytics -AdAccountId $account -Name $job -Verbose 4>&1)

        @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'within the run window' }).Count | Should -Be 1
        (Get-AnalyticsRequests).Count | Should -Be 0
    }

    It 'does not move the watermark of a run stopped before it wrote every row: the next run repeats the days' {
        $job = New-JobName
        $null = Sync-PinAnalytics -AdAccountId $account -Name $job -StartDate (Day -30)
        $null = Sync-PinAnalytics -AdAccountId $account -Name $job -RunWindow 0 -LookbackDays 0 -StartDate (Day -30)
        $server.ClearRequests()

        # Stopped after the first row: the run must not count the account as done.
        $null = Sync-PinAnalytics -AdAccountId $account -Name $job -RunWindow 0 -LookbackDays 10 | Select-Object -First 1
        $repeat = @(Sync-PinAnalytics -AdAccountId $account -Name $job -RunWindow 0 -LookbackDays 10)

        $repeat.Count | Should -Be 11
        @(Get-AnalyticsRequests | ForEach-Object { $_.QueryParameters['start_date'] }) | Should -Be @((Day -10), (Day -10))
    }

    It 'records the accounts that succeeded when one fails, and repeats only the failed one' {
        $job = New-JobName
        $failing = $accounts[1]
        $null = $server.Faults.InjectStatus('GET', "/ad_accounts/$failing/analytics", 400, 1, $null, '{"code":1,"message":"Invalid parameters."}')

        $rows = @(Sync-PinAnalytics -AdAccountId $accounts -Name $job -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures.Count | Should -Be 1
        "$($failures[0].TargetObject)" | Should -Be $failing
        @($rows.AdAccountId | Sort-Object -Unique) | Should -Be @($accounts | Where-Object { $_ -ne $failing })
        $server.ClearRequests()
        $retry = @(Sync-PinAnalytics -AdAccountId $accounts -Name $job)
        @($retry.AdAccountId | Sort-Object -Unique) | Should -Be $failing
        (Get-AnalyticsRequests).Count | Should -Be 1
    }

    It 'refuses <Case> with nothing sent' -ForEach @(
        @{ Case = 'a negative lookback'; Parameter = 'LookbackDays'; Rule = 'outside 0 to 914'; Action = { Sync-PinAnalytics -AdAccountId $account -Name x -LookbackDays -1 } }
        @{ Case = 'an unknown column'; Parameter = 'Column'; Rule = 'Did you mean'; Action = { Sync-PinAnalytics -AdAccountId $account -Name (New-JobName) -Column IMPRESSIONS_1 } }
        @{ Case = 'an ad account id with letters'; Parameter = 'AdAccountId'; Rule = 'not a Pinterest id'; Action = { Sync-PinAnalytics -AdAccountId 12a -Name x } }
    ) {
        $null = Assert-RefusedBeforeSending -Server $server -Action $Action -Parameter $Parameter -Rule $Rule
    }
}

Describe 'Workers that share a job' {
    BeforeEach {
        $server.ClearRequests()
        $server.Faults.Clear()
        # Each read takes a while, so the workers overlap and would duplicate work without leases.
        foreach ($id in $accounts) { $null = $server.Faults.InjectLatency('GET', "/ad_accounts/$id/analytics", [TimeSpan]::FromSeconds(1), 10) }
    }

    It 'three workers on one Redis pull three ad accounts once each' -Skip:(-not $hasRedis) {
        $redis = Start-TestRedis
        try {
            $job = New-JobName
            $workers = 1..3 | ForEach-Object { Start-SyncWorker -Job $job -Redis $redis.Configuration -StateFolder (Join-Path $TestDrive "worker-$_") }
            $results = @($workers | ForEach-Object { Wait-TestPwsh $_ -TimeoutSeconds 120 })
            Assert-EachAccountPulledOnce $results
        }
        finally {
            $redis | Stop-TestRedis
        }
    }

    It 'gives a dead worker''s ad account to another worker once its lease lapses' -Skip:(-not $hasRedis) {
        $redis = Start-TestRedis
        try {
            $job = New-JobName
            $server.Faults.Clear()
            # A worker that takes the account, writes its first row and hangs there, holding the lease, until it is killed.
            $dying = Start-TestPwsh -Streaming -Environment @{ PINTEREST_ADS_STATE_DIRECTORY = (Join-Path $TestDrive 'dying') } -Script @"
Import-Module `$env:PINTERESTADS_MODULE_PATH
Connect-PinterestAds -ApiBaseUri '$($server.BaseUri)' -ClientId '$($server.ClientId)' -AccessToken (ConvertTo-SecureString '$($server.IssueAccessToken())' -AsPlainText -Force) -RedisConfiguration '$($redis.Configuration)'
Sync-PinAnalytics -AdAccountId $account -Name '$job' | ForEach-Object { "first row `$(`$_.Date)"; Start-Sleep -Seconds 600 }
"@
            $null = Wait-TestPwshLine $dying -Pattern '^first row' -TimeoutSeconds 90
            $dying.Process.Kill($true)
            $null = Wait-TestPwsh $dying
            $killedAt = [datetime]::UtcNow
            $context = Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -AccessToken (ConvertTo-SecureString $server.IssueAccessToken() -AsPlainText -Force) -RedisConfiguration $redis.Configuration -PassThru -DoNotSetDefault

            $whileHeld = @(Sync-PinAnalytics -AdAccountId $account -Name $job -Context $context -Verbose 4>&1)
            @($whileHeld | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'another worker holds' }).Count | Should -Be 1 -Because ($whileHeld | Out-String)
            @($whileHeld | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty

            $taken = @()
            while (-not $taken.Count -and [datetime]::UtcNow -lt $killedAt.AddSeconds(45)) {
                Start-Sleep -Seconds 2
                $taken = @(Sync-PinAnalytics -AdAccountId $account -Name $job -Context $context)
            }
            $taken.Count | Should -Be 4 -Because 'the lease (30 s, no longer renewed) lapsed, the dead worker recorded nothing, and this worker pulled the account'
        }
        finally {
            $redis | Stop-TestRedis
        }
    }

    It 'three workers sharing the state folder (no Redis) pull three ad accounts once each' {
        $job = New-JobName
        $shared = Join-Path $TestDrive 'shared-state'
        $workers = 1..3 | ForEach-Object { Start-SyncWorker -Job $job -StateFolder $shared }
        $results = @($workers | ForEach-Object { Wait-TestPwsh $_ -TimeoutSeconds 120 })
        Assert-EachAccountPulledOnce $results
    }

    It 'stops with jobStateUnavailable and sends nothing when Redis is unreachable' -Skip:(-not $hasRedis) {
        $redis = Start-TestRedis
        try {
            $context = Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -AccessToken (ConvertTo-SecureString $server.IssueAccessToken() -AsPlainText -Force) -RedisConfiguration $redis.Configuration -PassThru -DoNotSetDefault
        }
        finally {
            $redis | Stop-TestRedis
        }
        $server.ClearRequests()

        $failure = $null
        try { Sync-PinAnalytics -AdAccountId $account -Name (New-JobName) -Context $context -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Match '^jobStateUnavailable,'
        $failure.Exception.Message | Should -Match 'Start Redis .* run the job again'
        (Get-AnalyticsRequests).Count | Should -Be 0
    }
}
