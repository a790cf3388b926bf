#Requires -Version 7.2
<#
    A Redis that misbehaves under a signed-in session against the fake Pinterest API: paused
    (SIGSTOP) and killed. Every failure is the documented quota error (LimitsExceeded), its message
    names the server, says what failed in a few words and what to do, and never carries
    StackExchange.Redis's connection dump; nothing is sent to Pinterest meanwhile.
#>

BeforeDiscovery {
    $script:hasRedis = [bool](Get-Command redis-server -CommandType Application -ErrorAction Ignore)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RedisServer.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Connect-WithRedis($Server, $Redis) {
        # A refresh token and the client secret: the budget, the journal, the refresh lock and the
        # shared tokens all live in Redis.
        $secret = ConvertTo-SecureString $Server.ClientSecret -AsPlainText -Force
        $refresh = ConvertTo-SecureString $Server.IssueRefreshToken() -AsPlainText -Force
        Connect-PinterestAds -ApiBaseUri $Server.BaseUri -ClientId $Server.ClientId -ClientSecret $secret -RefreshToken $refresh `
            -RedisConfiguration $Redis.Configuration -PassThru -DoNotSetDefault
    }

    function Invoke-Collecting([scriptblock] $Action) {
        # Runs $Action with -ErrorAction Stop semantics and returns the error record, or $null.
        try { $null = & $Action; $null } catch { $_ }
    }

    function Assert-QuotaErrorInFewWords($Record, $Redis) {
        $Record | Should -Not -BeNullOrEmpty
        $Record.Exception.GetType().Name | Should -Be 'PinterestAdsException' -Because "$($Record.Exception.GetType().FullName): $($Record.Exception.Message)"
        $Record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $message = $Record.Exception.Message
        $message | Should -Match "Redis (at )?$([regex]::Escape($Redis.Configuration))"
        $message | Should -Match 'Start Redis|once (it|the journal) answers'
        # StackExchange.Redis's dump: multiplexer counters, thread pools, its version.
        $message | Should -Not -Match 'mgr:|IOCP|WORKER|clientName|v: \d+\.\d+|last-heartbeat|No connection is active'
        $message.Length | Should -BeLessThan 400
    }
}

Describe 'A paused Redis' -Skip:(-not $hasRedis) {
    BeforeAll {
        $script:redis = Start-TestRedis
        $script:server = Start-PinTestServer -IgnoreIdempotencyKey
        $script:context = Connect-WithRedis $server $redis
        $script:account = $server.DefaultAdAccountId
        $script:run = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterAll {
        Resume-TestRedis $redis
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
        $redis | Stop-TestRedis
    }

    It 'gives only the documented quota error while it is paused and after, in a few words, and sends nothing' {
        $null = Get-PinAdAccount -Context $context
        $writesBefore = @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count
        $records = [System.Collections.Generic.List[object]]::new()
        Suspend-TestRedis $redis
        try {
            foreach ($n in 1..3) { $records.Add((Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop })) }
            foreach ($n in 1..2) {
                $records.Add((Invoke-Collecting { New-PinCampaign -AdAccountId $account -Name "paused $n" -ObjectiveType AWARENESS -IdempotencyKey "paused-$run-$n" -Context $context -ErrorAction Stop }))
            }
            # StackExchange.Redis gives up on the hung connection after a while and fails what it queued.
            Start-Sleep -Seconds 3
            foreach ($n in 1..2) { $records.Add((Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop })) }
        }
        finally {
            Resume-TestRedis $redis
        }

        $records.Count | Should -Be 7
        foreach ($record in $records) { Assert-QuotaErrorInFewWords $record $redis }
        @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count | Should -Be $writesBefore
    }

    It 'keeps StackExchange.Redis''s own account for -Verbose' {
        $redis | Stop-TestRedis
        try {
            $seen = [System.Collections.Generic.List[string]]::new()
            try { Get-PinAdAccount -Context $context -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { $seen.Add("$_") } } catch { $failure = $_ }
            $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $seen -join "`n" | Should -Match "Redis at $([regex]::Escape($redis.Configuration)): \S"
        }
        finally {
            $null = Restart-TestRedis $redis
        }
    }
}

Describe 'A killed Redis' -Skip:(-not $hasRedis) {
    BeforeAll {
        $script:redis = Start-TestRedis
        $script:server = Start-PinTestServer -IgnoreIdempotencyKey
        $script:context = Connect-WithRedis $server $redis
        $script:account = $server.DefaultAdAccountId
    }
    AfterAll {
        $server | Stop-PinTestServer -ErrorAction SilentlyContinue
        $redis | Stop-TestRedis
    }

    It 'is named with what failed and what to do, for reads and for keyed writes alike' {
        $null = Get-PinAdAccount -Context $context
        $redis | Stop-TestRedis

        Assert-QuotaErrorInFewWords (Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop }) $redis
        Assert-QuotaErrorInFewWords (Invoke-Collecting { Get-PinAdAccount -Context $context -ErrorAction Stop }) $redis
        Assert-QuotaErrorInFewWords (Invoke-Collecting { New-PinCampaign -AdAccountId $account -Name 'down' -ObjectiveType AWARENESS -IdempotencyKey "down-$([guid]::NewGuid())" -Context $context -ErrorAction Stop }) $redis
        @($server.RequestsTo('POST', "/ad_accounts/$account/campaigns")).Count | Should -Be 0
    }
}
