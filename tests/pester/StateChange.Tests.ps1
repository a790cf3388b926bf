#Requires -Version 7.2
<#
    Get-PinStateChange over HTTP against the fake Pinterest API: the first look records a baseline,
    then rejections, approvals, pauses, archives, new entities and reached spend caps are reported
    once each, as webhooks would have said them, and then nothing.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:today = $server.UtcNow.UtcDateTime.Date

    function New-JobName { 'watch-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }

    function New-WatchedAccount {
        # An ad account of its own: a capped campaign with an ad group and an ad, and a second campaign.
        $id = $server.AddAdAccount('Watched ' + [guid]::NewGuid().ToString('N').Substring(0, 6))
        $capped = New-PinCampaign -AdAccountId $id -Name 'Capped' -ObjectiveType CONSIDERATION -DailySpendCap 25.50
        $group = $capped | New-PinAdGroup -Name 'Group' -BillableEvent CLICKTHROUGH -Budget 20 -Bid 0.5
        $ad = $group | New-PinAd -PinId 1001 -CreativeType REGULAR -Name 'Spring pin'
        $other = New-PinCampaign -AdAccountId $id -Name 'Other' -ObjectiveType AWARENESS -LifetimeSpendCap 1000
        $server.Analytics.SetDailyMetrics($capped.Id, $today, 10)
        $server.Analytics.SetDailyMetrics($other.Id, $today, 0)
        [pscustomobject]@{ AccountId = $id; Capped = $capped; Group = $group; Ad = $ad; Other = $other }
    }
}

AfterAll {
    $server.Dispose()
    Remove-Item env:PINTEREST_ADS_STATE_DIRECTORY -ErrorAction Ignore
}

Describe 'Get-PinStateChange' {
    BeforeEach {
        $script:watched = New-WatchedAccount
        $script:job = New-JobName
    }

    It 'records a baseline on the first look and reports nothing' {
        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job) | Should -BeNullOrEmpty
        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job) | Should -BeNullOrEmpty -Because 'nothing changed since'
    }

    It 'reports a rejection, a pause and a hit daily cap once each, then nothing' {
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job
        $server.SetAdReviewStatus($watched.AccountId, $watched.Ad.Id, 'REJECTED', 'LANDING_PAGE', 'IMAGE')
        $server.SetEntityStatus($watched.AccountId, 'ad_groups', $watched.Group.Id, 'PAUSED')
        $server.Analytics.SetDailyMetrics($watched.Capped.Id, $today, 30)

        $changes = @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job)

        $changes.Count | Should -Be 3
        $changes[0].PSTypeNames[0] | Should -Be 'PinterestAds.StateChange'
        $rejected = $changes | Where-Object Change -eq 'AdRejected'
        $rejected.Kind | Should -Be 'Ad'
        $rejected.Id | Should -Be $watched.Ad.Id
        $rejected.Reasons | Should -Be @('LANDING_PAGE', 'IMAGE')
        $rejected.After | Should -Be 'REJECTED'
        $rejected.Message | Should -Be "Ad 'Spring pin' ($($watched.Ad.Id)) was rejected: LANDING_PAGE, IMAGE."
        $paused = $changes | Where-Object Change -eq 'StatusChanged'
        $paused.Kind | Should -Be 'AdGroup'
        $paused.Before, $paused.After | Should -Be @('ACTIVE', 'PAUSED')
        $cap = $changes | Where-Object Change -eq 'DailyCapReached'
        $cap.Id | Should -Be $watched.Capped.Id
        $cap.Before | Should -Be '25.50 USD'
        $cap.After | Should -Be '30.00 USD'
        $changes.AdAccountId | Sort-Object -Unique | Should -Be $watched.AccountId
        $changes.DetectedAt | ForEach-Object { ([datetimeoffset]::UtcNow - $_).TotalMinutes | Should -BeLessThan 5 }

        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job) | Should -BeNullOrEmpty -Because 'each change is reported once'
        $server.Analytics.SetDailyMetrics($watched.Capped.Id, $today, 40)
        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job) | Should -BeNullOrEmpty -Because 'the daily cap is reported once a day'
    }

    It 'reports approvals, archives, new entities and a reached lifetime cap' {
        $server.SetAdReviewStatus($watched.AccountId, $watched.Ad.Id, 'PENDING')
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job
        $server.SetAdReviewStatus($watched.AccountId, $watched.Ad.Id, 'APPROVED')
        $server.SetEntityStatus($watched.AccountId, 'campaigns', $watched.Capped.Id, 'ARCHIVED')
        $new = New-PinCampaign -AdAccountId $watched.AccountId -Name 'Newcomer' -ObjectiveType AWARENESS
        $server.Analytics.SetDailyMetrics($watched.Other.Id, $today, 1200)

        $changes = @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job)

        @($changes | ForEach-Object { "$($_.Change) $($_.Id)" } | Sort-Object) | Should -Be @(
            "AdApproved $($watched.Ad.Id)"
            "Archived $($watched.Capped.Id)"
            "Created $($new.Id)"
            "LifetimeCapReached $($watched.Other.Id)"
        )
        ($changes | Where-Object Change -eq 'Archived').Before | Should -Be 'ACTIVE'
        ($changes | Where-Object Change -eq 'LifetimeCapReached').Before | Should -Be '1,000.00 USD'
        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job) | Should -BeNullOrEmpty
    }

    It 'reads the accounts'' entities and capped campaigns'' spend in four requests, and no exchange rates' {
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job
        $server.ClearRequests()
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job

        $sent = @($server.Requests | Where-Object Path -notmatch '/oauth/')
        @($sent | ForEach-Object { $_.Path -replace '\d+', 'N' }) | Should -Be @(
            '/vN/ad_accounts/N/campaigns', '/vN/ad_accounts/N/ad_groups', '/vN/ad_accounts/N/ads', '/vN/ad_accounts/N/campaigns/analytics')
        ($sent[3].QueryParameters['campaign_ids'] -split ',' | Sort-Object) | Should -Be (@($watched.Capped.Id, $watched.Other.Id) | Sort-Object)
        $server.ExchangeRates.FetchCount | Should -Be 0
    }

    It 'keeps jobs of different names apart: each reports every change once' {
        $other = New-JobName
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $other
        $server.SetEntityStatus($watched.AccountId, 'campaigns', $watched.Other.Id, 'PAUSED')

        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $job).Change | Should -Be 'StatusChanged'
        @(Get-PinStateChange -AdAccountId $watched.AccountId -Name $other).Change | Should -Be 'StatusChanged'
    }

    It 'shows change, kind, id, name, before and after in a table' {
        $null = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job
        $server.SetEntityStatus($watched.AccountId, 'campaigns', $watched.Other.Id, 'PAUSED')
        $table = Get-PinStateChange -AdAccountId $watched.AccountId -Name $job | Format-Table | Out-String -Width 200
        $table | Should -Match 'Change\s+Kind\s+Id\s+Name\s+Before\s+After'
        $table | Should -Match "StatusChanged\s+Campaign\s+$($watched.Other.Id)\s+Other\s+ACTIVE\s+PAUSED"
    }

    It 'runs as the hourly runbook of examples/: rows once per run window, and a rejection on the next run' {
        $runbook = Join-Path (Get-RepoRoot) 'examples/Hourly.Runbook.ps1'
        $csv = Join-Path $TestDrive "$job.csv"

        @(& $runbook -AdAccountId $watched.AccountId -Name $job -Path $csv) | Should -BeNullOrEmpty -Because 'the first run records the baseline'
        $server.SetAdReviewStatus($watched.AccountId, $watched.Ad.Id, 'REJECTED', 'LANDING_PAGE')
        $alerts = @(& $runbook -AdAccountId $watched.AccountId -Name $job -Path $csv)

        $alerts | Should -Be "AdRejected: Ad 'Spring pin' ($($watched.Ad.Id)) was rejected: LANDING_PAGE."
        @(Import-Csv $csv).Count | Should -Be 4 -Because 'the second run came within the run window, so the rows were not pulled again'
    }
}
