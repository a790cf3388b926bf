#Requires -Version 7.2
<#
    Get-PinAnalytics over HTTP against the fake Pinterest API, through the built module: every level
    and piped entities, the fewest requests (counted in the fake's request log), rows streamed
    before the next request, history older than 90 days through async reports, refusals with
    nothing sent, spend in US dollars from the ECB's rates, and the table view.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:stateFolder = Join-Path $TestDrive 'state'
    $env:PINTEREST_ADS_STATE_DIRECTORY = $stateFolder
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $env:PINTEREST_ADS_EXCHANGE_RATES_URI = $server.ExchangeRates.Uri
    $script:eurAccount = @($server.AdAccountIds | Where-Object { $_ -ne $account })[0]
    $script:today = $server.UtcNow.UtcDateTime.Date

    function Get-AnalyticsRequests([string] $Pattern = '/analytics$') {
        @($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -match $Pattern })
    }

    function Get-ReportRequests {
        @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -match '/reports$' })
    }

    function Get-PlannedRequests {
        # What the plan costs: synchronous requests and async reports.
        @(Get-AnalyticsRequests) + @(Get-ReportRequests)
    }

    function Day([int] $Offset) { $today.AddDays($Offset) }

    # 300 campaigns in an ad account of their own, made in batches of 30.
    $script:bigAccount = $server.AddAdAccount('Three hundred campaigns')
    $null = 1..300 | ForEach-Object { [pscustomobject]@{ AdAccountId = $bigAccount; Name = "Campaign $_"; ObjectiveType = 'AWARENESS' } } | New-PinCampaign
    $script:bigCampaigns = @(Get-PinCampaign -AdAccountId $bigAccount -All)
}

AfterAll {
    $server.Dispose()
    Remove-Item env:PINTEREST_ADS_EXCHANGE_RATES_URI, env:PINTEREST_ADS_STATE_DIRECTORY -ErrorAction Ignore
}

Describe 'Get-PinAnalytics at each level' {
    BeforeAll {
        $script:campaign = New-PinCampaign -AdAccountId $account -Name 'Levels' -ObjectiveType CONSIDERATION
        $script:group = $campaign | New-PinAdGroup -Name 'Levels group' -BillableEvent CLICKTHROUGH -Budget 20 -Bid 0.5
        $script:ad = $group | New-PinAd -PinId 1001 -CreativeType REGULAR
    }

    BeforeEach { $server.ClearRequests() }

    It 'reads the ad account''s last seven days from one request, with the values Pinterest reports' {
        $rows = @(Get-PinAnalytics -AdAccountId $account)

        $rows.Count | Should -Be 7
        $rows[0].PSTypeNames[0] | Should -Be 'PinterestAds.AnalyticsRow'
        $rows.Date | Should -Be @(-6..0 | ForEach-Object { Day $_ })
        $rows.Level | Sort-Object -Unique | Should -Be 'AdAccount'
        $rows.Id | Sort-Object -Unique | Should -Be $account
        foreach ($row in $rows) {
            $row.Spend | Should -Be $server.Analytics.DailyValue($account, $row.Date, 'SPEND_IN_DOLLAR')
            $row.Impressions | Should -Be $server.Analytics.DailyValue($account, $row.Date, 'IMPRESSION_1')
            $row.Clicks | Should -Be $server.Analytics.DailyValue($account, $row.Date, 'CLICKTHROUGH_1')
            $row.Conversions | Should -Be $server.Analytics.DailyValue($account, $row.Date, 'TOTAL_CONVERSIONS')
            $row.Currency | Should -Be 'USD'
            $row.UsdRate | Should -Be 1
            $row.SpendUsd | Should -Be $row.Spend
        }
        $sent = Get-AnalyticsRequests
        $sent.Count | Should -Be 1
        $sent[0].Path | Should -Be "/v5/ad_accounts/$account/analytics"
        $sent[0].QueryParameters['start_date'] | Should -Be (Day -6).ToString('yyyy-MM-dd')
        $sent[0].QueryParameters['end_date'] | Should -Be $today.ToString('yyyy-MM-dd')
        $sent[0].QueryParameters['columns'] | Should -Be 'SPEND_IN_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS'
    }

    It 'reads <Level> on its own endpoint with <Filter>' -ForEach @(
        @{ Level = 'Campaign'; Endpoint = 'campaigns'; Filter = 'campaign_ids'; Ids = { @{ CampaignId = $campaign.Id } }; Id = { $campaign.Id } }
        @{ Level = 'AdGroup'; Endpoint = 'ad_groups'; Filter = 'ad_group_ids'; Ids = { @{ AdGroupId = $group.Id } }; Id = { $group.Id } }
        @{ Level = 'Ad'; Endpoint = 'ads'; Filter = 'ad_ids'; Ids = { @{ AdId = $ad.Id } }; Id = { $ad.Id } }
    ) {
        $idParameter = & $Ids
        $rows = @(Get-PinAnalytics -AdAccountId $account @idParameter -Granularity Total)

        $rows.Count | Should -Be 1
        $rows[0].Level | Should -Be $Level
        $rows[0].Id | Should -Be (& $Id)
        $rows[0].Date | Should -BeNullOrEmpty
        $sent = Get-AnalyticsRequests
        $sent.Count | Should -Be 1
        $sent[0].Path | Should -Be "/v5/ad_accounts/$account/$Endpoint/analytics"
        $sent[0].QueryParameters[$Filter] | Should -Be (& $Id)
        $sent[0].QueryParameters['granularity'] | Should -Be 'TOTAL'
    }

    It 'takes the level and ids from piped <Kind>, with their names' -ForEach @(
        @{ Kind = 'campaigns'; Items = { $campaign }; Level = 'Campaign' }
        @{ Kind = 'ad groups'; Items = { $group }; Level = 'AdGroup' }
        @{ Kind = 'ads'; Items = { $ad }; Level = 'Ad' }
    ) {
        $rows = @(& $Items | Get-PinAnalytics -StartDate (Day -1))
        $rows.Count | Should -Be 2
        $rows.Level | Sort-Object -Unique | Should -Be $Level
        $rows.Id | Sort-Object -Unique | Should -Be (& $Items).Id
    }

    It 'gathers piped campaigns per ad account: one request for each' {
        $euro = New-PinCampaign -AdAccountId $eurAccount -Name 'Euro' -ObjectiveType AWARENESS
        $server.ClearRequests()
        $rows = @(@($campaign, $euro, (Get-PinCampaign -AdAccountId $account -Id $campaign.Id)) | Get-PinAnalytics -Granularity Total)

        $rows.Count | Should -Be 2
        ($rows | Where-Object Id -eq $euro.Id).Currency | Should -Be 'EUR'
        ($rows | Where-Object Id -eq $campaign.Id).Name | Should -Be 'Levels'
        (Get-AnalyticsRequests).Path | Sort-Object | Should -Be @("/v5/ad_accounts/$account/campaigns/analytics", "/v5/ad_accounts/$eurAccount/campaigns/analytics") -Because 'the campaign piped twice is read once'
    }

    It 'reads every campaign of the account when no ids are given at level Campaign' {
        $rows = @(Get-PinAnalytics -AdAccountId $bigAccount -Level Campaign -Granularity Total)
        $rows.Count | Should -Be 300
        (Get-AnalyticsRequests).Count | Should -Be 2
    }

    It 'reads hours (a row per hour) and weeks (a row per Monday-based week) in one request each' {
        $hours = @(Get-PinAnalytics -AdAccountId $account -Granularity Hour -StartDate (Day -2) -EndDate (Day -1))
        $hours.Count | Should -Be 48
        $hours[1].Date | Should -Be (Day -2).AddHours(1)
        $weeks = @(Get-PinAnalytics -AdAccountId $account -Granularity Week -StartDate (Day -27))
        @($weeks | Where-Object { $_.Date.DayOfWeek -ne 'Monday' -and $_.Date -ne (Day -27) }) | Should -BeNullOrEmpty
        (Get-AnalyticsRequests).Count | Should -Be 2
        (Get-AnalyticsRequests).QueryParameters.granularity | Should -Be @('HOUR', 'WEEK')
    }

    It 'keeps every column Pinterest returned in Metrics' {
        $row = Get-PinAnalytics -AdAccountId $account -Column SPEND_IN_DOLLAR, CTR, CPC_IN_MICRO_DOLLAR -Granularity Total
        $row.Metrics.Keys | Should -Contain 'CPC_IN_MICRO_DOLLAR'
        $row.Metrics['CTR'] | Should -Not -BeNullOrEmpty
        $row.Impressions | Should -BeNullOrEmpty -Because 'IMPRESSION_1 was not asked for'
    }

    It 'sends what the spec allows' {
        $null = Get-PinAnalytics -AdAccountId $account -CampaignId $campaign.Id -ClickWindowDays 7 -ViewWindowDays 1 -ConversionReportTime TIME_OF_CONVERSION
        if (-not $contract) { Set-ItResult -Skipped -Because 'the Pinterest OpenAPI spec is not available'; return }
        foreach ($request in Get-AnalyticsRequests) {
            $result = $contract.Validate($request.Method, $request.Path, $request.Query, $request.Body, $request.Header('Content-Type'))
            $result.IsValid | Should -BeTrue -Because ($result.ToString())
        }
    }
}

Describe 'The fewest requests' {
    BeforeEach { $server.ClearRequests() }

    It 'reads 300 campaigns over 60 days in 2 requests, every row once' {
        $rows = @($bigCampaigns | Get-PinAnalytics -StartDate (Day -59) -EndDate $today)

        (Get-AnalyticsRequests).Count | Should -Be 2
        $rows.Count | Should -Be (300 * 60)
        @($rows | Group-Object Id).Count | Should -Be 300
        @($rows | Group-Object { "$($_.Id) $($_.Date)" } | Where-Object Count -gt 1).Count | Should -Be 0
    }

    It 'reads <Ids> ids over <Days> days in <Requests> request(s): <Why>' -ForEach @(
        @{ Ids = 250; Days = 90; Requests = 1; Why = 'one synchronous request holds 250 ids and 90 days' }
        @{ Ids = 251; Days = 90; Requests = 2; Why = 'the 251st id needs a second' }
        @{ Ids = 300; Days = 14; Requests = 2; Why = 'ids in groups of 250' }
        @{ Ids = 250; Days = 180; Requests = 1; Why = 'older history needs a report anyway, and one report holds 186 days and 500 ids' }
        @{ Ids = 300; Days = 180; Requests = 1; Why = 'one report holds 500 ids' }
        @{ Ids = 10; Days = 400; Requests = 3; Why = 'reports of 186 days' }
    ) {
        $chosen = @($bigCampaigns | Select-Object -First $Ids | ForEach-Object Id)
        $rows = @(Get-PinAnalytics -AdAccountId $bigAccount -CampaignId $chosen -StartDate (Day (1 - $Days)) -EndDate $today)
        (Get-PlannedRequests).Count | Should -Be $Requests
        (Get-PlannedRequests).Count | Should -BeLessOrEqual ([math]::Ceiling($Ids / 250) * [math]::Ceiling($Days / 90)) -Because 'never more than the formula'
        foreach ($request in Get-AnalyticsRequests) { ($request.QueryParameters['campaign_ids'] -split ',').Count | Should -BeLessOrEqual 250 }
        $rows.Count | Should -Be ($Ids * $Days)
    }

    It 'writes the first row before sending the next request' {
        $seenAtFirstRow = $null
        $rows = 0
        $bigCampaigns | Get-PinAnalytics -StartDate (Day -89) | ForEach-Object {
            if ($rows++ -eq 0) { $seenAtFirstRow = (Get-AnalyticsRequests).Count }
        }
        $seenAtFirstRow | Should -Be 1
        (Get-AnalyticsRequests).Count | Should -Be 2
    }

    It 'sends one request for Select-Object -First 1' {
        $first = $bigCampaigns | Get-PinAnalytics -StartDate (Day -89) -EndDate $today | Select-Object -First 1
        $first.Id | Should -Match '^\d+$'
        (Get-PlannedRequests).Count | Should -Be 1 -Because 'the plan has two requests, and the pipeline stopped after the first row'
    }
}

Describe 'History older than 90 days' {
    BeforeEach {
        $server.ClearRequests()
        $server.Faults.Clear()
        $server.Reports.PollsUntilFinished = 1
    }

    It 'reads 200 days ending 100 days ago through 2 async reports, every row complete' {
        $ids = @($bigCampaigns | Select-Object -First 3 | ForEach-Object Id)
        $rows = @(Get-PinAnalytics -AdAccountId $bigAccount -CampaignId $ids -StartDate (Day -299) -EndDate (Day -100))

        (Get-ReportRequests).Count | Should -Be 2
        (Get-AnalyticsRequests).Count | Should -Be 0
        $rows.Count | Should -Be (3 * 200)
        $rows.Date | Sort-Object -Unique | Should -Be @(-299..-100 | ForEach-Object { Day $_ })
        foreach ($row in $rows | Select-Object -First 5) {
            $row.Level | Should -Be 'Campaign'
            $row.Spend | Should -Be $server.Analytics.DailyValue($row.Id, $row.Date, 'SPEND_IN_DOLLAR')
            $row.Clicks | Should -Be $server.Analytics.DailyValue($row.Id, $row.Date, 'CLICKTHROUGH_1')
        }
        $downloads = @($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -notmatch '^/v5/' })
        $downloads.Count | Should -Be 2
        $downloads | ForEach-Object { $_.Header('Authorization') | Should -BeNullOrEmpty -Because 'the report file is downloaded without the bearer token' }
    }

    It 'joins async reports and synchronous requests into one series' {
        $rows = @(Get-PinAnalytics -AdAccountId $account -StartDate (Day -199) -EndDate $today)
        (Get-ReportRequests).Count | Should -Be 1 -Because 'the 109 days beyond the synchronous window (and one more) go to one report'
        (Get-AnalyticsRequests).Count | Should -Be 1 -Because 'the 90 most recent days take one synchronous request'
        $rows.Date | Should -Be @(-199..0 | ForEach-Object { Day $_ })
    }

    It 'says what happened to a report that ends <Status>' -ForEach @(
        @{ Status = 'FAILED' }, @{ Status = 'CANCELLED' }, @{ Status = 'EXPIRED' }
    ) {
        $server.Reports.PollsUntilFinished = 1000
        $rule = $server.Faults.InjectStatus('GET', '/ad_accounts/*/reports', 200, 5, $null, "{`"report_status`":`"$Status`",`"url`":null,`"size`":null}")
        $failure = $null
        try { $null = Get-PinAnalytics -AdAccountId $account -StartDate (Day -120) -EndDate (Day -100) -ErrorAction Stop }
        catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.Exception.Message | Should -Match $Status
        $failure.FullyQualifiedErrorId | Should -Match '^[a-z][A-Za-z]+,'
    }
}

Describe 'Refusing what Pinterest would refuse, with nothing sent' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an end before the start'; Parameter = 'EndDate'; Rule = 'before'; Action = { Get-PinAnalytics -AdAccountId $account -StartDate (Day -2) -EndDate (Day -5) } }
        @{ Case = 'an end date in the future'; Parameter = 'EndDate'; Rule = 'future'; Action = { Get-PinAnalytics -AdAccountId $account -EndDate (Day 2) } }
        @{ Case = 'Hour more than 8 days back'; Parameter = 'StartDate'; Rule = '8 days'; Action = { Get-PinAnalytics -AdAccountId $account -Granularity Hour -StartDate (Day -10) -EndDate (Day -9) } }
        @{ Case = 'Hour over more than 3 days'; Parameter = 'Granularity'; Rule = '3 days'; Action = { Get-PinAnalytics -AdAccountId $account -Granularity Hour -StartDate (Day -4) -EndDate $today } }
        @{ Case = 'history older than 914 days'; Parameter = 'StartDate'; Rule = '914'; Action = { Get-PinAnalytics -AdAccountId $account -StartDate (Day -1000) -EndDate (Day -900) } }
        @{ Case = 'an unknown column, naming the nearest'; Parameter = 'Column'; Rule = 'Did you mean SPEND_IN_DOLLAR'; Action = { Get-PinAnalytics -AdAccountId $account -Column SPEND_IN_DOLAR } }
        @{ Case = 'a click window of 5 days'; Parameter = 'ClickWindowDays'; Rule = '0, 1, 7, 14, 30'; Action = { Get-PinAnalytics -AdAccountId $account -ClickWindowDays 5 } }
        @{ Case = 'a view window of 90 days'; Parameter = 'ViewWindowDays'; Rule = '60'; Action = { Get-PinAnalytics -AdAccountId $account -ViewWindowDays 90 } }
        @{ Case = 'an unknown conversion report time'; Parameter = 'ConversionReportTime'; Rule = 'TIME_OF_AD_ACTION'; Action = { Get-PinAnalytics -AdAccountId $account -ConversionReportTime TIME_OF_CLICK } }
        @{ Case = 'an id with letters'; Parameter = 'CampaignId'; Rule = 'not a Pinterest id'; Action = { Get-PinAnalytics -AdAccountId $account -CampaignId 12a } }
        @{ Case = 'an exchange rate that is no number'; Parameter = 'ExchangeRate'; Rule = 'not a number'; Action = { Get-PinAnalytics -AdAccountId $eurAccount -ExchangeRate @{ EUR = 'lots' } } }
    ) {
        $failure = Assert-RefusedBeforeSending -Server $server -Action $Action -Parameter $Parameter -Rule $Rule
        $failure.FullyQualifiedErrorId | Should -Match '^[a-z][A-Za-z]+,'
    }
}

Describe 'Spend in US dollars' {
    BeforeEach {
        $server.ClearRequests()
        $server.Faults.Clear()
    }

    It 'converts a euro account''s spend at each day''s cross rate, fetching the rate file once for two calls' {
        Remove-Item (Join-Path $stateFolder 'exchange-rates') -Recurse -Force -ErrorAction Ignore
        $fetched = $server.ExchangeRates.FetchCount
        $rows = @(Get-PinAnalytics -AdAccountId $eurAccount -StartDate (Day -13))
        $again = @(Get-PinAnalytics -AdAccountId $eurAccount -StartDate (Day -30) -EndDate (Day -20))

        $server.ExchangeRates.FetchCount - $fetched | Should -Be 1 -Because 'the copy is cached beside the state files for a day'
        Get-ChildItem (Join-Path $stateFolder 'exchange-rates') -Filter '*.xml' | Should -Not -BeNullOrEmpty
        foreach ($row in $rows + $again) {
            # Today's fixing is published in the afternoon: the file ends at the fixing before today.
            $rate = $server.ExchangeRates.UsdPerUnit('EUR', [datetime]::MinValue.AddTicks([math]::Min($row.Date.Ticks, $today.AddDays(-1).Ticks)))
            $row.Currency | Should -Be 'EUR'
            $row.UsdRate | Should -Be $rate
            $row.SpendUsd | Should -Be ([math]::Round($row.Spend * $rate, 6, [MidpointRounding]::AwayFromZero))
        }
        $weekend = $rows | Where-Object { $_.Date.DayOfWeek -eq 'Sunday' } | Select-Object -First 1
        $weekend.UsdRate | Should -Be $server.ExchangeRates.UsdPerUnit('EUR', $weekend.Date.AddDays(-2)) -Because 'a Sunday uses Friday''s fixing'
    }

    It 'warns and uses the cached copy when a refresh fails' {
        $null = Get-PinAnalytics -AdAccountId $eurAccount -Granularity Total
        Get-ChildItem (Join-Path $stateFolder 'exchange-rates') -Filter '*.xml' | ForEach-Object { $_.LastWriteTimeUtc = [datetime]::UtcNow.AddDays(-2) }
        $null = $server.Faults.InjectStatus('GET', '^/ecb/', 503, 5)

        $rows = @(Get-PinAnalytics -AdAccountId $eurAccount -Granularity Total -WarningVariable warnings -WarningAction SilentlyContinue)

        $rows.Count | Should -Be 1
        $rows[0].SpendUsd | Should -BeGreaterThan 0
        "$warnings" | Should -Match 'Could not refresh the exchange rates .* using the copy fetched'
    }

    It 'is an error without a cached copy, saying how to supply a rate, and reads no analytics' {
        Remove-Item (Join-Path $stateFolder 'exchange-rates') -Recurse -Force
        $null = $server.Faults.InjectStatus('GET', '^/ecb/', 503, 5)

        { Get-PinAnalytics -AdAccountId $eurAccount -ErrorAction Stop } | Should -Throw -ExpectedMessage '*could not be fetched*-ExchangeRate @{ EUR = 1.08 }*PINTEREST_ADS_EXCHANGE_RATES_URI*'
        (Get-AnalyticsRequests).Count | Should -Be 0
    }

    It 'refuses a currency the ECB does not publish, showing how to supply its rate, and reads nothing' {
        $pesos = $server.AddAdAccount('Pesos', 'ARS', 'AR')
        $server.ClearRequests()

        $failure = $null
        try { $null = Get-PinAnalytics -AdAccountId $pesos -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Match '^exchangeRateMissing,'
        $failure.Exception.Message | Should -Match 'publishes no rate for ARS'
        $failure.Exception.Message | Should -Match ([regex]::Escape('-ExchangeRate @{ ARS = 1.08 }'))
        (Get-AnalyticsRequests).Count | Should -Be 0
        (Get-PinAnalytics -AdAccountId $pesos -ExchangeRate @{ ARS = 0.001 } -Granularity Total).UsdRate | Should -Be 0.001
    }

    It 'takes rates from a Date,Currency,UsdRate CSV, the last earlier row for days without one' {
        $csv = Join-Path $TestDrive 'rates.csv'
        @([pscustomobject]@{ Date = (Day -3).ToString('yyyy-MM-dd'); Currency = 'EUR'; UsdRate = 1.25 }
            [pscustomobject]@{ Date = (Day -1).ToString('yyyy-MM-dd'); Currency = 'EUR'; UsdRate = 1.5 }) | Export-Csv $csv
        $fetched = $server.ExchangeRates.FetchCount

        $rows = @(Get-PinAnalytics -AdAccountId $eurAccount -StartDate (Day -3) -ExchangeRate $csv)

        $rows.UsdRate | Should -Be @(1.25, 1.25, 1.5, 1.5)
        $rows[0].SpendUsd | Should -Be ($rows[0].Spend * 1.25)
        $server.ExchangeRates.FetchCount | Should -Be $fetched
    }
}

Describe 'The AnalyticsRow table view' {
    It 'shows the period, level, id, spend with its currency, spend in USD, impressions, clicks, conversions and CTR' {
        $table = Get-PinAnalytics -AdAccountId $account -StartDate $today | Format-Table | Out-String -Width 200
        $table | Should -Match 'Period\s+Level\s+Id\s+Spend\s+Cur\s+SpendUsd\s+Impressions\s+Clicks\s+Conversions\s+CTR'
        $table | Should -Match ("$($today.ToString('yyyy-MM-dd'))\s+AdAccount\s+$account\s+[\d,.]+\s+USD\s+[\d,.]+\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+[\d.]+\s?%")
    }
}
