#Requires -Version 7.2
<#
    Campaign cmdlets over HTTP against the fake Pinterest API, through the built module: typed
    outputs and money, lists and paging, partial updates, pause/resume, archive instead of delete,
    -WhatIf, input refused before anything is sent, and a create whose response is lost.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun

    function New-Campaign([string] $Name, [hashtable] $Extra = @{}) {
        New-PinCampaign -AdAccountId $account -Name $Name -ObjectiveType AWARENESS @Extra
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'New-PinCampaign' {
    It 'creates a typed campaign whose money is in micros and in the account currency' {
        $campaign = New-Campaign 'Spring sale' @{ DailySpendCap = 25.5; StartTime = [datetime]'2031-03-01T00:00:00Z'; TrackingUrls = @{ impression = 'https://t.example/i' } }

        $campaign.PSTypeNames[0] | Should -Be 'PinterestAds.Campaign'
        $campaign.Id | Should -Match '^\d+$'
        $campaign.DailySpendCapMicros | Should -Be 25500000
        $campaign.DailySpendCap | Should -Be 25.5
        $campaign.Currency | Should -Be 'USD'
        $campaign.StartTime | Should -Be ([datetime]'2031-03-01T00:00:00Z').ToUniversalTime()
        $sent = Get-BodyItems (Get-AdsRequests $server POST campaigns)[-1]
        $sent.daily_spend_cap | Should -Be 25500000
        $sent.start_time | Should -Be 1930089600
        $sent.objective_type | Should -Be 'AWARENESS'
        $sent.ad_account_id | Should -Be $account
    }

    It 'rounds amounts half away from zero: <Amount> → <Micros> micros' -ForEach @(
        @{ Amount = 12.3456785d; Micros = 12345679 }
        @{ Amount = 12.3456784d; Micros = 12345678 }
        @{ Amount = 0.0000005d; Micros = 1 }
        @{ Amount = 0.0000015; Micros = 2 }
        @{ Amount = '7.25'; Micros = 7250000 }
        @{ Amount = 1000; Micros = 1000000000 }
    ) {
        $campaign = New-Campaign "round $Amount" @{ LifetimeSpendCap = $Amount }
        (Get-BodyItems (Get-AdsRequests $server POST campaigns)[-1]).lifetime_spend_cap | Should -Be $Micros
        $campaign.LifetimeSpendCapMicros | Should -Be $Micros
    }

    It 'shows name, id, status, summary status and the spend cap with its currency in a table' {
        $table = New-Campaign 'Table view' @{ DailySpendCap = 40 } | Format-Table | Out-String
        $table | Should -Match 'Name\s+Id\s+Status\s+SummaryStatus'
        $table | Should -Match 'Table view\s+\d+\s+ACTIVE\s+\w+.*40\.00 USD daily'
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-AdsWrites $server).Count
        New-Campaign 'What if' @{ WhatIf = $true } | Should -BeNullOrEmpty
        (Get-AdsWrites $server).Count | Should -Be $before
    }

    It 'declares -Name and -ObjectiveType mandatory; Set-PinCampaign keeps them optional' {
        Get-MandatoryParameters New-PinCampaign | Should -Be @('AdAccountId', 'Name', 'ObjectiveType')
        Get-MandatoryParameters Set-PinCampaign | Should -Be @('AdAccountId', 'Id')
    }
}

Describe 'Refusing bad input before sending' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an ad account id with letters'; Parameter = 'AdAccountId'; Rule = 'not a Pinterest id'; Action = { New-PinCampaign -AdAccountId '12a' -Name x -ObjectiveType AWARENESS } }
        @{ Case = 'a path in the ad account id'; Parameter = 'AdAccountId'; Rule = 'not a Pinterest id'; Action = { New-PinCampaign -AdAccountId '../1' -Name x -ObjectiveType AWARENESS } }
        @{ Case = 'an unknown objective'; Parameter = 'ObjectiveType'; Rule = 'Did you mean AWARENESS'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARNESS } }
        @{ Case = 'an unknown status'; Parameter = 'Status'; Rule = 'Valid values: ACTIVE'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -Status RUNNING } }
        @{ Case = 'a negative spend cap'; Parameter = 'DailySpendCap'; Rule = 'negative'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -DailySpendCap -1 } }
        @{ Case = 'a NaN spend cap'; Parameter = 'DailySpendCap'; Rule = 'NaN is not an amount'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -DailySpendCap ([double]::NaN) } }
        @{ Case = 'an infinite spend cap'; Parameter = 'LifetimeSpendCap'; Rule = 'finite'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -LifetimeSpendCap ([double]::PositiveInfinity) } }
        @{ Case = 'a positive spend cap that rounds to 0 micros'; Parameter = 'LifetimeSpendCap'; Rule = '0.0000004 is less than one micro-unit'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -LifetimeSpendCap 0.0000004 } }
        @{ Case = 'an over-range spend cap'; Parameter = 'DailySpendCap'; Rule = 'out of range'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -DailySpendCap 1e13 } }
        @{ Case = 'both spend caps'; Parameter = 'LifetimeSpendCap'; Rule = 'together with -DailySpendCap'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -DailySpendCap 1 -LifetimeSpendCap 2 } }
        @{ Case = 'an end before the start'; Parameter = 'EndTime'; Rule = 'after -StartTime'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -StartTime '2031-01-02' -EndTime '2031-01-01' } }
        @{ Case = 'an unknown tracking event'; Parameter = 'TrackingUrls'; Rule = 'not a tracking_urls key'; Action = { New-PinCampaign -AdAccountId $account -Name x -ObjectiveType AWARENESS -TrackingUrls @{ clicks = 'https://t.example' } } }
        @{ Case = 'a campaign id that is a path'; Parameter = 'Id'; Rule = 'not a Pinterest id'; Action = { Suspend-PinCampaign -AdAccountId $account -Id '../1' } }
        @{ Case = 'an update that changes nothing'; Parameter = 'Name'; Rule = 'Nothing to change'; Action = { Set-PinCampaign -AdAccountId $account -Id 1 } }
    ) {
        $record = Assert-RefusedBeforeSending -Server $server -Action $Action -Parameter $Parameter -Rule $Rule
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'leaves a missing -<Missing> to PowerShell: a binding error that names it, and nothing sent' -ForEach @(
        @{ Missing = 'Name'; Action = { New-PinCampaign -AdAccountId $account -ObjectiveType AWARENESS } }
        @{ Missing = 'ObjectiveType'; Action = { New-PinCampaign -AdAccountId $account -Name x } }
    ) {
        $before = $server.Requests.Count
        $record = $Action | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru
        $record.FullyQualifiedErrorId | Should -BeLike 'MissingMandatoryParameter,*'
        $record.Exception.Message | Should -Match "missing mandatory parameters: $Missing\.$"
        @($server.Requests | Select-Object -Skip $before).Count | Should -Be 0
    }
}

Describe 'Get-PinCampaign' {
    BeforeAll {
        $script:listAccount = $server.AddAdAccount('Lists', 'EUR')
        $script:listed = 1..7 | ForEach-Object { [pscustomobject]@{ AdAccountId = $listAccount; Name = "list $_"; ObjectiveType = 'CONSIDERATION' } } | New-PinCampaign
        $listed[0] | Remove-PinCampaign -Force
        $listed[1] | Suspend-PinCampaign
    }

    It 'lists ACTIVE and PAUSED campaigns like the API, in the account currency' {
        $campaigns = Get-PinCampaign -AdAccountId $listAccount
        $campaigns.Count | Should -Be 6
        $campaigns.Status | Sort-Object -Unique | Should -Be @('ACTIVE', 'PAUSED')
        $campaigns[0].Currency | Should -Be 'EUR'
        (Get-AdsRequests $server GET campaigns)[-1].Query | Should -Not -Match 'entity_statuses'
    }

    It 'widens the list with -Status' {
        $archived = Get-PinCampaign -AdAccountId $listAccount -Status ARCHIVED
        $archived.Id | Should -Be $listed[0].Id
        (Get-AdsRequests $server GET campaigns)[-1].Query | Should -Be 'entity_statuses=ARCHIVED&page_size=25'
    }

    It 'gets campaigns by id whatever their status' {
        (Get-PinCampaign -AdAccountId $listAccount -Id $listed[0].Id, $listed[2].Id).Name | Sort-Object | Should -Be @('list 1', 'list 3')
    }

    It 'pages with -All, -First and -Skip' {
        $before = (Get-AdsRequests $server GET campaigns).Count
        (Get-PinCampaign -AdAccountId $listAccount -PageSize 2 -All).Count | Should -Be 6
        (Get-AdsRequests $server GET campaigns).Count - $before | Should -Be 3
        $page = Get-PinCampaign -AdAccountId $listAccount -PageSize 2 -Skip 1 -First 3
        $page.Count | Should -Be 3
        $page[0].Id | Should -Be (Get-PinCampaign -AdAccountId $listAccount -All)[1].Id
    }

    It 'warns when more exist than one page shows' {
        $null = Get-PinCampaign -AdAccountId $listAccount -PageSize 2 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Match 'More campaigns exist'
    }
}

Describe 'Set-PinCampaign, Suspend-PinCampaign, Resume-PinCampaign' {
    BeforeAll {
        $script:target = New-Campaign 'to change' @{ DailySpendCap = 10 }
    }

    It 'sends only the fields that were given, with id and ad_account_id' {
        $updated = $target | Set-PinCampaign -Name 'changed' -DailySpendCap 12.5 -PassThru
        $updated.Name | Should -Be 'changed'
        $updated.DailySpendCap | Should -Be 12.5
        $sent = Get-BodyItems (Get-AdsRequests $server PATCH campaigns)[-1]
        @($sent.PSObject.Properties.Name | Sort-Object) | Should -Be @('ad_account_id', 'daily_spend_cap', 'id', 'name')
    }

    It 'outputs nothing without -PassThru' {
        Set-PinCampaign -AdAccountId $account -Id $target.Id -Name 'quiet' | Should -BeNullOrEmpty
    }

    It 'pauses and resumes by status' {
        ($target | Suspend-PinCampaign -PassThru).Status | Should -Be 'PAUSED'
        (Get-BodyItems (Get-AdsRequests $server PATCH campaigns)[-1]).status | Should -Be 'PAUSED'
        ($target | Resume-PinCampaign -PassThru).Status | Should -Be 'ACTIVE'
        (Get-BodyItems (Get-AdsRequests $server PATCH campaigns)[-1]).status | Should -Be 'ACTIVE'
    }

    It 'refuses an ad group piped into a campaign command' {
        $group = $target | New-PinAdGroup -Name 'group' -BillableEvent IMPRESSION -Budget 5
        $before = (Get-AdsWrites $server).Count
        $group | Suspend-PinCampaign -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Match '^wrongInputKind'
        (Get-AdsWrites $server).Count | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-AdsWrites $server).Count
        $target | Suspend-PinCampaign -WhatIf
        $target | Set-PinCampaign -Name 'not sent' -WhatIf
        (Get-AdsWrites $server).Count | Should -Be $before
    }
}

Describe 'Remove-PinCampaign' {
    It 'archives with a PATCH and never sends DELETE' {
        $campaign = New-Campaign 'to archive'
        $archived = $campaign | Remove-PinCampaign -Force -PassThru
        $archived.Status | Should -Be 'ARCHIVED'
        (Get-BodyItems (Get-AdsRequests $server PATCH campaigns)[-1]).status | Should -Be 'ARCHIVED'
        @($server.Requests | Where-Object Method -EQ 'DELETE').Count | Should -Be 0
        (Get-PinCampaign -AdAccountId $account).Id | Should -Not -Contain $campaign.Id
    }

    It 'is ConfirmImpact High and sends nothing with -WhatIf, even with -Force' {
        (Get-Command Remove-PinCampaign).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $campaign = New-Campaign 'kept'
        $before = (Get-AdsWrites $server).Count
        $campaign | Remove-PinCampaign -Force -WhatIf
        (Get-AdsWrites $server).Count | Should -Be $before
    }
}

Describe 'Writes whose response is lost' {
    It 'exists exactly once and is still returned, though the fake ignores Idempotency-Key' {
        $server.HonourIdempotencyKey | Should -BeFalse
        $null = $server.Faults.DropAfterCommit('POST', '/ad_accounts/*/campaigns')
        $before = (Get-AdsRequests $server POST campaigns).Count

        $campaign = New-Campaign 'lost response' @{ DailySpendCap = 5; WarningAction = 'SilentlyContinue' }

        $campaign.Name | Should -Be 'lost response'
        $server.CountEntities($account, 'campaigns', 'lost response') | Should -Be 1
        (Get-AdsRequests $server POST campaigns).Count - $before | Should -Be 1
        (Get-AdsRequests $server GET campaigns)[-1].Query | Should -Match 'order=DESCENDING'
    }

    It 'sends a lost update again as it was: it sets absolute values' {
        $campaign = New-Campaign 'lost update'
        $null = $server.Faults.DropAfterCommit('PATCH', '/ad_accounts/*/campaigns')
        $before = (Get-AdsRequests $server PATCH campaigns).Count

        ($campaign | Suspend-PinCampaign -PassThru -WarningAction SilentlyContinue).Status | Should -Be 'PAUSED'

        $patches = @(Get-AdsRequests $server PATCH campaigns | Select-Object -Skip $before)
        $patches.Count | Should -Be 2
        $patches[1].Body | Should -Be $patches[0].Body
        $patches[1].Header('Idempotency-Key') | Should -Be $patches[0].Header('Idempotency-Key')
    }
}

Describe 'The requests sent' {
    It 'all match the Pinterest OpenAPI spec' {
        Assert-MatchesSpec -Server $server -Contract $contract
    }
}
