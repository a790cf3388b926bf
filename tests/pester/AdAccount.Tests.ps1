#Requires -Version 7.2
<#
    Get-PinAdAccount against the fake Pinterest API: bookmark paging at page_size 250 over more
    than 300 accounts, get by id (parameter and pipeline), ids validated before anything is sent,
    a 404 per id, the table view, and the ids and currencies Connect-PinterestAds probed.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:server = Start-PinTestServer -AdAccountCount 320
    $secret = ConvertTo-SecureString $server.ClientSecret -AsPlainText -Force
    $token = ConvertTo-SecureString $server.IssueRefreshToken() -AsPlainText -Force
    $script:context = Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -ClientSecret $secret -RefreshToken $token -PassThru -DoNotSetDefault

    function Get-AdAccountRequests([long] $After) {
        @($server.Requests | Where-Object { $_.Sequence -gt $After -and $_.Path -like '/v5/ad_accounts*' })
    }

    function Get-LastSequence { ($server.Requests | Measure-Object -Property Sequence -Maximum).Maximum }
}

AfterAll {
    if ($context) { Disconnect-PinterestAds -Context $context -InformationAction Ignore }
    if ($server) { Stop-PinTestServer $server }
}

Describe 'Get-PinAdAccount' {
    It 'lists all 320 accounts in two pages of page_size 250, following the bookmark' {
        $mark = Get-LastSequence
        $accounts = @(Get-PinAdAccount -Context $context)
        $accounts.Count | Should -Be 320
        @($accounts.Id | Sort-Object -Unique).Count | Should -Be 320
        $accounts[0].GetType().FullName | Should -Be 'PinterestAds.Core.Ads.AdAccount'
        $accounts[0].Name | Should -Be 'PinTest USD Account'
        $accounts[0].Currency | Should -Be 'USD'

        $requests = Get-AdAccountRequests $mark
        $requests.Count | Should -Be 2
        foreach ($request in $requests) {
            $request.Method | Should -Be 'GET'
            $request.Path | Should -Be '/v5/ad_accounts'
            $request.QueryParameters['page_size'] | Should -Be '250'
        }
        $requests[0].QueryParameters.ContainsKey('bookmark') | Should -BeFalse
        $requests[1].QueryParameters['bookmark'] | Should -Not -BeNullOrEmpty
    }

    It 'kept every probed id at connect (the probe paged too)' {
        @($context.AdAccountIds).Count | Should -Be 320
        @($context.AdAccountIds) | Should -Be @($server.AdAccountIds)
    }

    It 'gets accounts by -Id and from the pipeline, one request each' {
        $ids = @($server.AdAccountIds)[1, 2]
        $mark = Get-LastSequence
        $one = Get-PinAdAccount -Id $ids[0] -Context $context
        $one.Id | Should -Be $ids[0]
        $one.Currency | Should -Be 'EUR'
        $piped = @($ids | Get-PinAdAccount -Context $context)
        $piped.Id | Should -Be $ids
        $byProperty = @([pscustomobject]@{ AdAccountId = $ids[1] } | Get-PinAdAccount -Context $context)
        $byProperty.Id | Should -Be $ids[1]

        $requests = Get-AdAccountRequests $mark
        $requests.Path | Should -Be @("/v5/ad_accounts/$($ids[0])", "/v5/ad_accounts/$($ids[0])", "/v5/ad_accounts/$($ids[1])", "/v5/ad_accounts/$($ids[1])")
    }

    It 'refuses a malformed id such as ../1 with an error naming -Id, and sends nothing' {
        $mark = Get-LastSequence
        $err = { Get-PinAdAccount -Id '../1' -Context $context -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '-Id:*'
        $err.FullyQualifiedErrorId | Should -BeLike 'invalidArgument,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be '../1'
        @($server.Requests | Where-Object Sequence -GT $mark).Count | Should -Be 0
    }

    It 'reports an unknown id as a non-terminating 404 and goes on with the next id' {
        $known = @($server.AdAccountIds)[0]
        $found = @(Get-PinAdAccount -Id '999999999', $known -Context $context -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.Id | Should -Be @($known)
        @($failures).Count | Should -Be 1
        "$($failures[0])" | Should -BeLike 'Pinterest Ads /ad_accounts/999999999 returned 404*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be '999999999'
    }

    It 'shows a table of Id, Name and Currency' {
        $table = Get-PinAdAccount -Id @($server.AdAccountIds)[0] -Context $context | Format-Table | Out-String -Width 200
        $table | Should -Match 'Id\s+Name\s+Currency'
        $table | Should -Match 'PinTest USD Account\s+USD'
    }

    It 'refuses without a connection, and the message itself says to run Connect-PinterestAds' {
        # Runbook job logs and Windows PowerShell 5.1 show only the message, never the recommended action.
        $result = Invoke-TestPwsh -Script 'Import-Module $env:PINTERESTADS_MODULE_PATH; try { Get-PinAdAccount -ErrorAction Stop } catch { "MESSAGE: $($_.Exception.Message)"; "ACTION: $($_.ErrorDetails.RecommendedAction)"; "CATEGORY: $($_.CategoryInfo.Category)" }'
        $result.Output | Should -Match 'MESSAGE: You are not connected to Pinterest Ads: run Connect-PinterestAds'
        $result.Output | Should -Match 'ACTION: .*Connect-PinterestAds'
        $result.Output | Should -Match 'CATEGORY: ConnectionError'
    }
}
