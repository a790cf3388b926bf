#Requires -Version 7.2
<#
    Writes happen once and the caller is told the truth when the network or the server misbehaves:
    the fake Pinterest API ignores Idempotency-Key (as Pinterest does) and injects the fault;
    entity counts come from the fake's own state.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $script:contract, $script:account = Initialize-AdsTestRun

    function Get-CampaignPosts { @(Get-AdsRequests $server POST campaigns) }
}

AfterAll {
    $server.Dispose()
}

Describe 'A malformed success' {
    It 'on a create (<Label>) is reconciled: the caller gets the campaign, one exists, and a re-run with the key returns it' -ForEach @(
        @{ Label = 'an empty body'; Body = '' }
        @{ Label = 'a body cut off'; Body = '{"items":[{"data":{"id":"' }
        @{ Label = 'no items'; Body = '{}' }
    ) {
        $name = "malformed $Label"
        $key = "malformed-$([guid]::NewGuid().ToString('N'))"
        $server.Faults.InjectMalformedSuccess('POST', "/ad_accounts/$account/campaigns", $Body)
        $posts = (Get-CampaignPosts).Count

        $first = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -ErrorAction Stop
        $again = New-PinCampaign -AdAccountId $account -Name $name -ObjectiveType AWARENESS -IdempotencyKey $key -ErrorAction Stop

        $first.Id | Should -Match '^\d+$'
        $first.Name | Should -Be $name
        $again.Id | Should -Be $first.Id
        $server.CountEntities($account, 'campaigns', $name) | Should -Be 1
        (Get-CampaignPosts).Count | Should -Be ($posts + 1)
    }

    It 'on a read is the invalidResponse error with the status, the request id and the first bytes, secrets masked' {
        $server.Faults.InjectMalformedSuccess('GET', "/ad_accounts/$account/campaigns", '{"items":[{"id":"1","name":"cut","access_token":"pina_leakedsecret0123456789')
        $record = $null
        try { Get-PinCampaign -AdAccountId $account -ErrorAction Stop } catch { $record = $_ }

        $record.FullyQualifiedErrorId | Should -BeLike 'invalidResponse,*'
        $record.CategoryInfo.Category | Should -Be 'InvalidResult'
        $record.Exception.GetType().Name | Should -Be 'PinterestAdsException'
        $rid = ($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -eq "/v5/ad_accounts/$account/campaigns" } | Select-Object -Last 1).RequestId
        $message = $record.Exception.Message
        $message | Should -Match "GET /ad_accounts/$account/campaigns answered 200 with a body that cannot be read"
        $message | Should -Match ([regex]::Escape($rid))
        $message | Should -Match ([regex]::Escape('{"items":[{"id":"1","name":"cut"'))
        $message | Should -Not -Match 'pina_leaked'
    }
}
