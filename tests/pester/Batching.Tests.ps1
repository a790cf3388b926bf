#Requires -Version 7.2
<#
    Pipelined writes are batched: up to 30 items per request per ad account, flushed at 30 and at
    the end of the pipeline, outcomes in input order, per-item errors for the input they belong to.
    Counts come from the fake API's request log; every body is validated against the spec.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun
    $script:accounts = $server.AdAccountIds

    function Get-NewWrites([int] $Since, [string] $Method, [string] $Collection) {
        @(Get-AdsRequests $server $Method $Collection | Where-Object Sequence -GT $Since)
    }

    function Get-LastSequence { ($server.Requests | Select-Object -Last 1).Sequence }
}

AfterAll {
    $server.Dispose()
}

Describe 'Creating through the pipeline' {
    It 'sends 65 piped campaigns in 3 requests of 30, 30 and 5, returned in input order' {
        $since = Get-LastSequence
        $campaigns = 1..65 | ForEach-Object { [pscustomobject]@{ AdAccountId = $account; Name = "batch $_"; ObjectiveType = 'AWARENESS'; DailySpendCap = $_ } } | New-PinCampaign

        $posts = Get-NewWrites $since POST campaigns
        $posts.Count | Should -Be 3
        $posts | ForEach-Object { (Get-BodyItems $_).Count } | Should -Be @(30, 30, 5)
        $campaigns.Count | Should -Be 65
        $campaigns.Name | Should -Be (1..65 | ForEach-Object { "batch $_" })
        $campaigns[64].DailySpendCapMicros | Should -Be 65000000
        @($posts.Headers | ForEach-Object { $_['Idempotency-Key'] } | Sort-Object -Unique).Count | Should -Be 3
    }

    It 'binds 70 CSV rows from text: amounts, dates and flags with the invariant culture' {
        $csv = Join-Path $TestDrive 'campaigns.csv'
        # Keys are journaled: a re-run with the same keys and input would replay the first results.
        $run = [guid]::NewGuid().ToString('N')
        1..70 | ForEach-Object {
            [pscustomobject]@{
                AdAccountId = $account; Name = "csv $_"; ObjectiveType = 'consideration'; Status = if ($_ % 2) { 'PAUSED' } else { '' }
                LifetimeSpendCap = '1234.5'; StartTime = '2031-06-01T08:00:00Z'; EndTime = ''; CampaignBudgetOptimization = 'false'; IdempotencyKey = "csv-$run-$_"
            }
        } | Export-Csv -Path $csv -NoTypeInformation
        $since = Get-LastSequence
        $before = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = 'de-DE'
        try {
            $campaigns = Import-Csv $csv | New-PinCampaign
        }
        finally {
            [cultureinfo]::CurrentCulture = $before
        }

        $posts = Get-NewWrites $since POST campaigns
        $posts.Count | Should -Be 3
        $campaigns.Count | Should -Be 70
        $first = (Get-BodyItems $posts[0])[0]
        $first.lifetime_spend_cap | Should -Be 1234500000
        $first.start_time | Should -Be 1938067200
        $first.is_campaign_budget_optimization | Should -BeFalse
        $first.status | Should -Be 'PAUSED'
        (Get-BodyItems $posts[0])[1].PSObject.Properties.Name | Should -Not -Contain 'status'
        $campaigns[0].Status | Should -Be 'PAUSED'
    }

    It 'makes a CSV row without a required value a binding error about that row and sends the others' {
        $csv = Join-Path $TestDrive 'incomplete.csv'
        @(
            [pscustomobject]@{ AdAccountId = $account; Name = 'complete 1'; ObjectiveType = 'AWARENESS' }
            [pscustomobject]@{ AdAccountId = $account; Name = 'no objective'; ObjectiveType = '' }
            [pscustomobject]@{ AdAccountId = $account; Name = ''; ObjectiveType = 'AWARENESS' }
            [pscustomobject]@{ AdAccountId = $account; Name = 'complete 2'; ObjectiveType = 'AWARENESS' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $since = Get-LastSequence

        $created = $rows | New-PinCampaign -ErrorVariable failed -ErrorAction SilentlyContinue

        $created.Name | Should -Be @('complete 1', 'complete 2')
        $failed.Count | Should -Be 2
        $failed | ForEach-Object { $_.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException]) }
        $failed[0].Exception.Message | Should -Match "parameter 'ObjectiveType'"
        $failed[0].TargetObject | Should -Be $rows[1]
        $failed[1].Exception.Message | Should -Match "parameter 'Name'"
        $failed[1].TargetObject | Should -Be $rows[2]
        $posts = Get-NewWrites $since POST campaigns
        $posts.Count | Should -Be 1
        (Get-BodyItems $posts[0]).name | Should -Be @('complete 1', 'complete 2')
    }

    It 'gathers items per ad account: 40 + 40 interleaved rows take 2 + 2 requests' {
        $since = Get-LastSequence
        $created = 1..80 | ForEach-Object { [pscustomobject]@{ AdAccountId = $accounts[$_ % 2]; Name = "mixed $_"; ObjectiveType = 'AWARENESS' } } | New-PinCampaign

        $posts = Get-NewWrites $since POST campaigns
        $posts.Count | Should -Be 4
        ($posts | Where-Object Path -Match $accounts[0]).Count | Should -Be 2
        ($posts | Where-Object Path -Match $accounts[1]).Count | Should -Be 2
        $created.Name | Should -Be (1..80 | ForEach-Object { "mixed $_" })
    }

    It 'creates 65 ad groups under one campaign in 3 requests' {
        $campaign = New-PinCampaign -AdAccountId $account -Name 'many groups' -ObjectiveType AWARENESS
        $since = Get-LastSequence
        $groups = 1..65 | ForEach-Object { [pscustomobject]@{ Name = "group $_"; Budget = '10.5'; Targeting = '{"LOCATION":["US"]}' } } |
            New-PinAdGroup -AdAccountId $account -CampaignId $campaign.Id -BillableEvent IMPRESSION
        (Get-NewWrites $since POST ad_groups).Count | Should -Be 3
        $groups.Count | Should -Be 65
        $groups[0].BudgetMicros | Should -Be 10500000
    }
}

Describe 'Updating through the pipeline' {
    It 'pauses 65 listed campaigns in 3 PATCH requests' {
        $target = $server.AddAdAccount('Pause many', 'GBP')
        $null = 1..65 | ForEach-Object { [pscustomobject]@{ AdAccountId = $target; Name = "pause $_"; ObjectiveType = 'AWARENESS' } } | New-PinCampaign
        $since = Get-LastSequence

        Get-PinCampaign -AdAccountId $target -All | Suspend-PinCampaign

        $patches = Get-NewWrites $since PATCH campaigns
        $patches.Count | Should -Be 3
        $patches | ForEach-Object { (Get-BodyItems $_).Count } | Should -Be @(30, 30, 5)
        (Get-BodyItems $patches[0])[0].PSObject.Properties.Name | Sort-Object | Should -Be @('ad_account_id', 'id', 'status')
        (Get-PinCampaign -AdAccountId $target -All).Status | Sort-Object -Unique | Should -Be 'PAUSED'
    }

    It 'changes 66 campaigns from CSV-like rows in 3 requests' {
        $rows = Get-PinCampaign -AdAccountId $account -All | Select-Object -First 66 | ForEach-Object { [pscustomobject]@{ AdAccountId = $_.AdAccountId; Id = $_.Id; Name = $_.Name + ' (renamed)' } }
        $since = Get-LastSequence
        $rows | Set-PinCampaign
        (Get-NewWrites $since PATCH campaigns).Count | Should -Be 3
    }
}

Describe 'Partial failure in a batch' {
    It 'fails only the item Pinterest rejects; its error targets that input, the rest succeed in one request' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ AdAccountId = $account; Name = "partial $_"; ObjectiveType = 'AWARENESS'; CampaignBudgetOptimization = ($_ -eq 3) } }
        $since = Get-LastSequence

        $created = $rows | New-PinCampaign -ErrorVariable failed -ErrorAction SilentlyContinue

        (Get-NewWrites $since POST campaigns).Count | Should -Be 1
        $created.Name | Should -Be @('partial 1', 'partial 2', 'partial 4', 'partial 5')
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $rows[2]
        $failed[0].Exception.Message | Should -Match 'item 3 was rejected: .*spend_cap'
        $failed[0].FullyQualifiedErrorId | Should -Match '^pinterestItem'
    }

    It 'refuses a bad row before sending and still sends the others' {
        $rows = @(
            [pscustomobject]@{ AdAccountId = $account; Name = 'good 1'; ObjectiveType = 'AWARENESS' }
            [pscustomobject]@{ AdAccountId = $account; Name = 'bad'; ObjectiveType = 'AWARENESS'; DailySpendCap = '-3' }
            [pscustomobject]@{ AdAccountId = $account; Name = 'good 2'; ObjectiveType = 'AWARENESS' }
        )
        $since = Get-LastSequence
        $created = $rows | New-PinCampaign -ErrorVariable failed -ErrorAction SilentlyContinue
        $created.Name | Should -Be @('good 1', 'good 2')
        $failed[0].TargetObject | Should -Be $rows[1]
        $failed[0].Exception.Message | Should -Match '^-DailySpendCap: -3 is negative'
        (Get-BodyItems (Get-NewWrites $since POST campaigns)[0]).name | Should -Be @('good 1', 'good 2')
    }
}

Describe '-WhatIf on a pipeline' {
    It 'sends nothing for 65 items' {
        $since = Get-LastSequence
        1..65 | ForEach-Object { [pscustomobject]@{ AdAccountId = $account; Name = "what if $_"; ObjectiveType = 'AWARENESS' } } | New-PinCampaign -WhatIf 6>$null
        @($server.Requests | Where-Object Sequence -GT $since).Count | Should -Be 0
    }
}

Describe 'The batched requests sent' {
    It 'all match the Pinterest OpenAPI spec' {
        Assert-MatchesSpec -Server $server -Contract $contract
    }
}
