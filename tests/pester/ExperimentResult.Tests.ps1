#Requires -Version 7.2
<#
    Get-PinExperimentResult over HTTP against the fake Pinterest API, through the built module: every
    variant's delivery read in one ad_groups/analytics request (one more only for history the
    synchronous endpoint does not reach), the numbers added up per variant as the fake holds them,
    statuses as the fake holds them, verdicts including the minimum-sample guard, the table a
    terminal shows, bad input refused with nothing sent, and the results drawn by Export-PinReport.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:today = [datetime]::UtcNow.Date

    # A three-variant experiment in a campaign of its own; the control is 'Studio'.
    function New-TestExperiment([string] $Name, [string] $Account = $account) {
        $campaign = New-PinCampaign -AdAccountId $Account -Name "Results $Name" -ObjectiveType CONSIDERATION
        $variants = @{ Name = 'Studio'; PinId = '1016239833598930' }, @{ Name = 'Lifestyle'; PinId = '1016239833598931' }, @{ Name = 'Flatlay'; PinId = '1016239833598932' }
        New-PinExperiment -AdAccountId $Account -CampaignId $campaign.Id -Name $Name -Variant $variants -BillableEvent CLICKTHROUGH -Budget 20 -Bid 0.9
    }

    # What each variant delivered on a day: spend, impressions, clicks, conversions per variant, in variant order.
    function Set-Delivery($Experiment, [datetime] $Day, [object[][]] $PerVariant) {
        for ($i = 0; $i -lt $PerVariant.Count; $i++) {
            $spend, $impressions, $clicks, $conversions = $PerVariant[$i]
            $server.Analytics.SetDailyMetrics($Experiment.Variants[$i].AdGroupId, $Day, $spend, $impressions, $clicks, $conversions)
        }
    }

    function Get-AnalyticsRequests([int] $Since) {
        @($server.Requests | Select-Object -Skip $Since | Where-Object Path -Like '*/analytics')
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'Get-PinExperimentResult' {
    BeforeAll {
        $script:experiment = New-TestExperiment 'Hero image'
        Set-Delivery $experiment $today.AddDays(-1) @((70, 20000, 250, 10), (75, 20000, 330, 31), (72, 20000, 240, 9))
        Set-Delivery $experiment $today @((80, 30000, 350, 20), (85, 30000, 430, 31), (81, 30000, 370, 19))
        $script:since = $server.Requests.Count
        $script:results = Get-PinExperimentResult -AdAccountId $account -Experiment 'hero IMAGE' -StartDate $today.AddDays(-1)
    }

    It 'reads every variant in one ad_groups/analytics request, and sends nothing but that and the list of ad groups' {
        $analytics = Get-AnalyticsRequests $since
        $analytics.Count | Should -Be 1
        $analytics[0].Path | Should -Be "/v5/ad_accounts/$account/ad_groups/analytics"
        @($analytics[0].QueryParameters['ad_group_ids']) | Should -Be $experiment.Variants.AdGroupId
        $analytics[0].QueryParameters['start_date'] | Should -Be $today.AddDays(-1).ToString('yyyy-MM-dd')
        $analytics[0].QueryParameters['end_date'] | Should -Be $today.ToString('yyyy-MM-dd')
        $others = @($server.Requests | Select-Object -Skip $since | Where-Object { $_.Path -notlike '*/analytics' -and $_.Path -notmatch '/oauth/' })
        $others.Count | Should -Be 1
        "$($others[0].Method) $($others[0].Path)" | Should -Be "GET /v5/ad_accounts/$account/ad_groups"
    }

    It 'adds up each variant''s days as the fake holds them, and derives its rates and cost per conversion' {
        $results.Variant | Should -Be 'Studio', 'Lifestyle', 'Flatlay'
        $results.IsControl | Should -Be $true, $false, $false
        $results.Spend | Should -Be 150, 160, 153
        $results.Currency | Should -Be 'USD', 'USD', 'USD'
        $results.Impressions | Should -Be 50000, 50000, 50000
        $results.Clicks | Should -Be 600, 760, 610
        $results.Conversions | Should -Be 30, 62, 28
        $results[1].Ctr | Should -Be (760 / 50000)
        $results[1].ConversionRate | Should -Be (62 / 760)
        $results[1].CostPerConversion | Should -Be ([decimal]160 / 62)
        $results[0].CostPerConversion | Should -Be 5
    }

    It 'judges the treatments against the control on CTR: a clear winner is Better, one within chance Inconclusive' {
        $results.Metric | Sort-Object -Unique | Should -Be 'Ctr'
        $results.Verdict | Should -Be 'Control', 'Better', 'Inconclusive'
        $results[1].Rate | Should -Be $results[1].Ctr
        $results[1].RateLow | Should -BeLessThan $results[1].Rate
        $results[1].RateHigh | Should -BeGreaterThan $results[1].Rate
        $results[1].RateLow | Should -BeGreaterThan $results[0].RateHigh -Because "the winner's interval lies above the control's"
        $results[1].Lift | Should -BeGreaterThan 0.2666
        $results[1].Lift | Should -BeLessThan 0.2667
        $results[0].PValue | Should -BeNullOrEmpty
        # Holm over two treatments: the smaller p-value doubles, the larger is kept (it is above the doubled one).
        $results[1].AdjustedPValue | Should -Be ($results[1].PValue * 2)
        $results[2].AdjustedPValue | Should -Be $results[2].PValue
    }

    It 'shows the statuses the fake holds, also after the runner''s toggle' {
        $results.Status | Should -Be 'ACTIVE', 'PAUSED', 'PAUSED'
        Set-PinExperimentVariant -AdAccountId $account -Experiment 'Hero image' -Variant Lifestyle -Status ACTIVE

        (Get-PinExperimentResult -AdAccountId $account -Experiment 'Hero image').Status | Should -Be 'ACTIVE', 'ACTIVE', 'PAUSED'
    }

    It 'takes the experiment piped from Get-PinExperiment and judges on conversion rate when asked' {
        $byConversion = Get-PinExperiment -AdAccountId $account -Name 'Hero image' | Get-PinExperimentResult -Metric ConversionRate -StartDate $today.AddDays(-1)

        $byConversion.Metric | Sort-Object -Unique | Should -Be 'ConversionRate'
        $byConversion[1].Rate | Should -Be (62 / 760)
        $byConversion.Verdict | Should -Be 'Control', 'Better', 'Inconclusive'
    }

    It 'shows a table with the rate and its interval, a bar per variant on one scale, the lift, the adjusted p-value and the verdict' {
        $text = $results | Out-String -Width 160
        $lines = $text -split "`r?`n"

        $text | Should -Match 'Experiment: Hero image, judged on CTR'
        $lines | Where-Object { $_ -match '^Variant\s+Status\s+Rate \[95% interval\]\s+Interval\s+Lift\s+Adj\. p\s+Verdict' } | Should -Not -BeNullOrEmpty
        $control = $lines | Where-Object { $_ -match '^Studio\s' }
        $winner = $lines | Where-Object { $_ -match '^Lifestyle\s' }
        $control | Should -Match 'ACTIVE\s+1\.20% \[1\.11–1\.30%\]\s+├─+◆─+┤\s+Control$'
        $winner | Should -Match 'PAUSED\s+1\.52% \[1\.42–1\.63%\]\s.*●.*\+26\.7%\s+< 0\.0001\s+Better$'
        $winner.IndexOf('├') | Should -BeGreaterThan $control.IndexOf('┤') -Because 'the winner''s bar sits clear to the right of the control''s'
        $winner.IndexOf('┆') | Should -Be $control.IndexOf('◆') -Because 'the control''s rate is marked on every row'
    }

    It 'keeps the table texts out of CSV and JSON' {
        ($results | ConvertTo-Csv)[0] | Should -Not -Match 'Display'
        $results[0] | ConvertTo-Json | Should -Not -Match 'Display'
    }
}

Describe 'The minimum sample' {
    It 'calls a variant InsufficientData while either arm has fewer than 100 impressions for CTR, and says why' {
        $experiment = New-TestExperiment 'Small CTR'
        Set-Delivery $experiment $today @((5, 5000, 150, 3), (1, 99, 20, 1), (5, 5000, 50, 2))

        $results = Get-PinExperimentResult -AdAccountId $account -Experiment 'Small CTR'

        $results.Verdict | Should -Be 'Control', 'InsufficientData', 'Worse'
        $results[1].Note | Should -Be 'A verdict needs at least 100 impressions in each arm; this variant has 99.'
        $results[1].PValue | Should -Not -BeNullOrEmpty -Because 'the test is still computed, only not judged'
    }

    It 'counts clicks, not impressions, when judged on conversion rate' {
        $experiment = New-TestExperiment 'Small CVR'
        Set-Delivery $experiment $today @((5, 50000, 99, 30), (5, 50000, 400, 90), (5, 50000, 400, 10))

        $results = Get-PinExperimentResult -AdAccountId $account -Experiment 'Small CVR' -Metric ConversionRate

        $results.Verdict | Should -Be 'Control', 'InsufficientData', 'InsufficientData'
        $results[1].Note | Should -Be 'A verdict needs at least 100 clicks in each arm; the control has 99.'
        (Get-PinExperimentResult -AdAccountId $account -Experiment 'Small CVR').Verdict | Should -Be 'Control', 'Better', 'Better' -Because 'on CTR each arm has 50,000 impressions, and 400 clicks beat 99'
    }
}

Describe 'Spend in the account''s currency' {
    It 'needs no exchange rate, so an account in a currency the ECB does not publish reads all the same' {
        $pesos = $server.AddAdAccount('Buenos Aires', 'ARS', 'AR')
        $experiment = New-TestExperiment 'In pesos' -Account $pesos
        Set-Delivery $experiment $today @((15000, 30000, 350, 20), (16000, 30000, 430, 32), (15500, 30000, 370, 19))
        $fetches = $server.ExchangeRates.FetchCount

        $results = Get-PinExperimentResult -AdAccountId $pesos -Experiment 'In pesos'

        $results.Currency | Sort-Object -Unique | Should -Be 'ARS'
        $results.Spend | Should -Be 15000, 16000, 15500
        $results[1].CostPerConversion | Should -Be 500
        $results.Verdict | Should -Be 'Control', 'Better', 'Inconclusive'
        $server.ExchangeRates.FetchCount | Should -Be $fetches -Because 'no rate was looked up'
        { Get-PinAnalytics -AdAccountId $pesos -ErrorAction Stop } | Should -Throw '*ARS*' -Because 'analytics rows carry spend in US dollars, which needs a rate'
    }
}

Describe 'History older than 90 days' {
    It 'costs one async report for the days the synchronous endpoint does not reach and one ad_groups/analytics request for the rest, all variants in each' {
        $experiment = New-TestExperiment 'Long run'
        # 201 days: more than one async report holds (186), so the most recent days need a synchronous request.
        $days = @(0..200 | ForEach-Object { $today.AddDays(-200 + $_) })
        $since = $server.Requests.Count

        $results = Get-PinExperimentResult -AdAccountId $account -Experiment 'Long run' -StartDate $days[0] -EndDate $days[-1]

        $analytics = Get-AnalyticsRequests $since
        $analytics.Count | Should -Be 1
        @($analytics[0].QueryParameters['ad_group_ids']) | Should -Be $experiment.Variants.AdGroupId
        @($server.Requests | Select-Object -Skip $since | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/reports' }).Count | Should -Be 1
        for ($i = 0; $i -lt 3; $i++) {
            $id = $experiment.Variants[$i].AdGroupId
            $clicks = ($days | ForEach-Object { [long]$server.Analytics.DailyValue($id, $_, 'CLICKTHROUGH_1') } | Measure-Object -Sum).Sum
            $impressions = ($days | ForEach-Object { [long]$server.Analytics.DailyValue($id, $_, 'IMPRESSION_1') } | Measure-Object -Sum).Sum
            $results[$i].Clicks | Should -Be $clicks -Because 'the report''s days and the recent days add up'
            $results[$i].Impressions | Should -Be $impressions
        }
    }
}

Describe 'Refusing bad input before sending' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an end date in the future'; Parameter = 'EndDate'; Rule = 'is in the future'; Extra = @{ EndDate = [datetime]::UtcNow.Date.AddDays(2) } }
        @{ Case = 'a start after the end'; Parameter = 'EndDate'; Rule = 'ends .* before it starts'; Extra = @{ StartDate = [datetime]::UtcNow.Date.AddDays(-1); EndDate = [datetime]::UtcNow.Date.AddDays(-3) } }
        @{ Case = 'a start in the future'; Parameter = 'StartDate'; Rule = 'before it starts'; Extra = @{ StartDate = [datetime]::UtcNow.Date.AddDays(3) } }
        @{ Case = 'an ad account id that is not an id'; Parameter = 'AdAccountId'; Rule = 'not a Pinterest id'; Extra = @{ AdAccountId = 'acct-1' } }
        @{ Case = 'a campaign id that is not an id'; Parameter = 'CampaignId'; Rule = 'not a Pinterest id'; Extra = @{ CampaignId = 'C123' } }
    ) {
        $parameters = @{ AdAccountId = $account; Experiment = 'Hero image' }
        foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }

        $refused = Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action { Get-PinExperimentResult @parameters }

        $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses a metric it does not know, naming the ones it does' {
        $since = $server.Requests.Count
        { Get-PinExperimentResult -AdAccountId $account -Experiment 'Hero image' -Metric Spend } | Should -Throw '*Ctr*ConversionRate*'
        @($server.Requests | Select-Object -Skip $since).Count | Should -Be 0
    }

    It 'names the experiments there are when the one asked for does not exist, and reads no analytics' {
        $since = $server.Requests.Count
        { Get-PinExperimentResult -AdAccountId $account -Experiment 'Nobody' -ErrorAction Stop } | Should -Throw "*no experiment 'Nobody'*'Hero image'*"
        Get-AnalyticsRequests $since | Should -BeNullOrEmpty
    }
}

Describe 'Results in a report' {
    It 'pipes into Export-PinReport with the variants'' daily analytics: intervals with the control marked, lines and totals per ad group' {
        $experiment = New-TestExperiment 'Charted'
        Set-Delivery $experiment $today.AddDays(-1) @((70, 20000, 250, 10), (75, 20000, 330, 31), (72, 20000, 240, 9))
        Set-Delivery $experiment $today @((80, 30000, 350, 20), (85, 30000, 430, 31), (81, 30000, 370, 19))
        $path = Join-Path $TestDrive 'charted.html'

        $daily = Get-PinAdGroup -AdAccountId $account -CampaignId $experiment.CampaignId | Get-PinAnalytics -StartDate $today.AddDays(-1)
        $results = Get-PinExperimentResult -AdAccountId $account -Experiment 'Charted' -StartDate $today.AddDays(-1)
        @($daily) + @($results) | Export-PinReport -Path $path

        $html = Get-Content -Raw $path
        $html | Should -Match 'Charted: CTR with 95% Wilson interval'
        $html | Should -Match '<td>Studio \(control\)</td>'
        $html | Should -Match '<td>Lifestyle</td>'
        $html | Should -Match 'Better'
        $html | Should -Match 'Spend over time \(USD\)'
        $html | Should -Match 'CTR over time'
        $html | Should -Match '\[Experiment: Charted\] Variant: Lifestyle'
        # The totals row adds up both days of all three ad groups: 463 spent, 150,000 impressions, 1,970 clicks.
        $html | Should -Match "(?s)<tfoot>\s*<tr>\s*<td>All 3</td>.*463\.00 USD.*150,000.*1,970.*</tfoot>"
    }
}
