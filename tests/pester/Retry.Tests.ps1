#Requires -Version 7.2
<#
    Retries and the request budget through the module, against the fake Pinterest API over HTTP:
    429 sequences with Retry-After and X-RateLimit-Reset are waited out (and announced), a 429
    asking for hours is an immediate quota error in the documented shape, and Get-PinRateLimit
    shows what each bucket has spent. The write path (idempotency keys, reconciliation,
    drop-after-commit) is covered in xunit against the same fake (Idempotency/AgainstTheFakeServerTests).
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    # The machine-local budget and journal go to this test's own folder, not the user's profile.
    $script:savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'

    $script:server = Start-PinTestServer
    $script:accounts = @($server.AdAccountIds)

    function Connect-Fake([int] $RequestsPerHour = 1000) {
        Connect-PinterestAds -AccessToken (ConvertTo-SecureString $server.IssueAccessToken() -AsPlainText -Force) `
            -ClientId $server.ClientId -ApiBaseUri $server.BaseUri.ToString() -RequestsPerHour $RequestsPerHour -PassThru -DoNotSetDefault
    }

    function Get-AccountGets([string] $Id) { @($server.RequestsTo('GET', "/ad_accounts/$Id")) }
}

AfterAll {
    $server | Stop-PinTestServer -ErrorAction SilentlyContinue
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

Describe 'Retries on 429' {
    BeforeAll {
        # A 429 pauses its bucket in the budget store; this block keeps its pauses to itself.
        $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state-429'
        $script:context = Connect-Fake
    }

    AfterAll {
        $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'
    }

    It 'waits out Retry-After and then X-RateLimit-Reset, announcing each wait' {
        $id = $accounts[0]
        $before = (Get-AccountGets $id).Count
        $null = $server.Faults.InjectRateLimit('GET', "/ad_accounts/$id", 1, $null, 1)
        $null = $server.Faults.InjectRateLimit('GET', "/ad_accounts/$id", $null, 1, 1)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $output = Get-PinAdAccount -Id $id -Context $context -Verbose 4>&1

        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $account = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $account.Count | Should -Be 1
        $account[0].Id | Should -Be $id
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Contain ($verbose | Where-Object { $_ -match '429' -and $_ -match 'Retry-After: 1' -and $_ -match 'attempt 2 of' })
        $verbose | Should -Contain ($verbose | Where-Object { $_ -match '429' -and $_ -match 'X-RateLimit-Reset: 1' -and $_ -match 'attempt 3 of' })
        (Get-AccountGets $id).Count - $before | Should -Be 3
    }

    It 'turns a 429 asking for hours into an immediate quota error in the documented shape' {
        $id = $accounts[1]
        $before = (Get-AccountGets $id).Count
        $null = $server.Faults.InjectRateLimit('GET', "/ad_accounts/$id", $null, 67000, 1)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $record = $null
        try { Get-PinAdAccount -Id $id -Context $context -ErrorAction Stop } catch { $record = $_ }

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike 'pinterestApi429,*'
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $record.Exception.Message | Should -Match '^Pinterest Ads get_ad_account: 429 — '
        $record.Exception.Message | Should -Match 'X-RateLimit-Reset: 67000'
        ($record.Exception.RetryAt - [DateTimeOffset]::UtcNow).TotalHours | Should -BeGreaterThan 18.5
        (Get-AccountGets $id).Count - $before | Should -Be 1
    }

    It 'pauses that bucket until the reset: Get-PinRateLimit shows it and the next call sends nothing' {
        $id = $accounts[1]
        $before = (Get-AccountGets $id).Count

        $status = Get-PinRateLimit -AdAccountId $id -Context $context
        $record = $null
        try { Get-PinAdAccount -Id $id -Context $context -ErrorAction Stop } catch { $record = $_ }

        ($status.PausedUntil - [DateTimeOffset]::UtcNow).TotalHours | Should -BeGreaterThan 18.5
        $record.FullyQualifiedErrorId | Should -BeLike 'requestBudgetPaused,*'
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        ($record.Exception.RetryAt - $status.PausedUntil).Duration().TotalSeconds | Should -BeLessThan 2
        (Get-AccountGets $id).Count - $before | Should -Be 0
        (Get-PinRateLimit -AdAccountId $accounts[2] -Context $context).PausedUntil | Should -BeNullOrEmpty
    }
}

Describe 'Get-PinRateLimit' {
    BeforeAll {
        $script:context = Connect-Fake -RequestsPerHour 50
    }

    It 'shows budget, used, remaining and window of an ad account without spending any of it' {
        $id = $accounts[2]
        1..3 | ForEach-Object { $null = Get-PinAdAccount -Id $id -Context $context }

        $first = Get-PinRateLimit -AdAccountId $id -Context $context
        $second = Get-PinRateLimit -AdAccountId $id -Context $context

        $first.PSObject.TypeNames[0] | Should -Be 'PinterestAds.Core.Limiting.RateLimitStatus'
        $first.Bucket | Should -Be $id
        $first.Budget | Should -Be 50
        $first.Used | Should -Be 3
        $first.Remaining | Should -Be 47
        $first.Window | Should -Be ([TimeSpan]::FromHours(1))
        $first.Store | Should -Be 'Local'
        $first.NextPermitAt | Should -Be $first.AsOf
        $second.Used | Should -Be 3
    }

    It 'without -AdAccountId lists the app bucket and every ad account of the context' {
        $all = @(Get-PinRateLimit -Context $context)

        $all.Bucket | Should -Be (@('app') + $context.AdAccountIds)
        ($all | Where-Object Bucket -EQ 'app').Used | Should -BeGreaterOrEqual 1   # the connect probe
    }

    It 'takes ad accounts from the pipeline' {
        $rows = @(Get-PinAdAccount -Id $accounts[0], $accounts[1] -Context $context | Get-PinRateLimit -Context $context)

        $rows.Bucket | Should -Be @($accounts[0], $accounts[1])
    }

    It 'rejects an id that is not a Pinterest id' {
        $record = $null
        try { Get-PinRateLimit -AdAccountId '../x' -Context $context -ErrorAction Stop } catch { $record = $_ }

        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'says when the next permit frees once the budget is spent' {
        # A fresh budget store, so the earlier tests' spending does not count.
        $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'tight-state'
        try { $tight = Connect-Fake -RequestsPerHour 2 } finally { $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state' }
        $id = $server.AddAdAccount('Tight budget')
        $null = Get-PinAdAccount -Id $id -Context $tight
        $null = Get-PinAdAccount -Id $id -Context $tight

        $status = Get-PinRateLimit -AdAccountId $id -Context $tight

        $status.Remaining | Should -Be 0
        ($status.NextPermitAt - $status.AsOf).TotalMinutes | Should -BeGreaterThan 55
    }
}
