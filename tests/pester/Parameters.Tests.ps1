#Requires -Version 7.2
<#
    Parameters by the names people already know. Every parameter of every cmdlet is listed with
    its aliases, and:
    - no alias is ambiguous: none repeats, or is a prefix of, a name or alias of another parameter
      of the same cmdlet, nor starts with one unless its own parameter's name already does (either
      would make abbreviations that worked before ambiguous);
    - every parameter of a cmdlet that talks to Pinterest binds by the spec's name of the field it
      stands for (CSV columns and API habits bind): its name or an alias, in PascalCase, is a field
      or query parameter of openapi.json, unless it is the module's own (listed below with why);
    - every parameter that takes an id or a name Pinterest knows carries its tab completer;
    - the aliases bind, from the command line and from piped rows, against the fake API.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:commands = @(Get-Command -Module PinterestAds -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Command = $_.Name } })
    # The cmdlets whose parameters are Pinterest's fields (the fake's own cmdlets are not).
    $script:apiCommands = @($commands | Where-Object { $_.Command -match '-Pin(?!terestAds|TestServer)' })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    $script:server, $null, $script:account = Initialize-AdsTestRun

    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # What the module adds around Pinterest's fields, so no spec name is expected for them.
    $script:OwnParameters = @{
        Context              = 'the connection to use'
        InputObject          = 'the piped object, named in errors'
        PassThru             = 'PowerShell output switch'
        Force                = 'PowerShell confirmation switch'
        All                  = 'follows every page'
        First                = 'PowerShell paging'
        Skip                 = 'PowerShell paging'
        IncludeTotalCount    = 'PowerShell paging'
        IdempotencyKey       = 'sent as the Idempotency-Key header, which the spec does not describe'
        # Pinterest's field is default_ad_group_budget_in_micro_currency: an alias would bind micro-units as an amount.
        DefaultAdGroupBudget = 'an amount in the account''s currency; the field is in micro-units'
        Path                 = 'files: the videos to upload, or the report to write'
        LiteralPath          = 'PowerShell file-path convention'
        NoClobber            = 'PowerShell file-output convention'
        Title                = 'the report''s heading (New-PinCreative''s -Title is the pin''s title field)'
        NoWait               = 'returns before Pinterest has processed the upload'
        ThrottleLimit        = 'PowerShell parallelism convention'
        TimeoutSeconds       = 'how long to wait for media processing'
        ImagePath            = 'a local image sent inline as base64 (the field takes the data, not a path)'
        VideoPath            = 'a local video, uploaded first and referenced by media_id'
        CoverImagePath       = 'a local cover image sent inline (the field takes the data, not a path)'
        Slide                = 'carousel slides, built into media_source.items'
        Page                 = 'Idea Pin pages, mapped onto what v5 can create'
        ExchangeRate         = 'US dollars per unit for the USD conversion; not a Pinterest field'
        LookbackDays         = 'how far before the watermark a sync reads again'
        RunWindow            = 'how long one sync run may hold its accounts'
        Experiment           = 'an experiment lives in ad group names, not in a Pinterest field'
        Variant              = 'an experiment''s variants, built into ad groups'
        Control              = 'the variant that starts ACTIVE'
        Winner               = 'the variant that keeps running'
        Archive              = 'archives instead of pausing the losing variants'
        Metric               = 'the rate an experiment is judged by'
    }

    # Field and query parameter names of the spec: every snake_case key and every parameter name
    # ($null without the spec: the check that needs them skips).
    $script:SpecNames = $null
    if ($specPath = Find-SpecPath) {
        $specText = Get-Content -Raw $specPath
        $script:SpecNames = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
                [regex]::Matches($specText, '"([a-z][a-z0-9_]*)"\s*:') | ForEach-Object { $_.Groups[1].Value }
                [regex]::Matches($specText, '"name"\s*:\s*"([a-z][a-z0-9_]*)"') | ForEach-Object { $_.Groups[1].Value }
            ))
    }

    # The completer each id or name parameter needs, by the name or alias that says what it takes.
    $script:Completers = [ordered]@{
        AdAccountId  = 'PinterestAds.PowerShell.Completion.AdAccountIdCompleter'
        CampaignId   = 'PinterestAds.PowerShell.Completion.CampaignIdCompleter'
        AdGroupId    = 'PinterestAds.PowerShell.Completion.AdGroupIdCompleter'
        AdId         = 'PinterestAds.PowerShell.Completion.AdIdCompleter'
        PinId        = 'PinterestAds.PowerShell.Completion.PinIdCompleter'
        BoardId      = 'PinterestAds.PowerShell.Completion.BoardIdCompleter'
        MediaId      = 'PinterestAds.PowerShell.Completion.MediaIdCompleter'
        Experiment   = 'PinterestAds.PowerShell.Completion.ExperimentNameCompleter'
        Winner       = 'PinterestAds.PowerShell.Completion.VariantNameCompleter'
        Column       = 'PinterestAds.PowerShell.Binding.SpecValueCompleter'
        CallToAction = 'PinterestAds.PowerShell.Binding.SpecValueCompleter'
    }
    # Parameters whose own name is too general to say what they take.
    $script:CompletersByCommand = @{
        'Get-PinExperiment'        = @{ Name = 'PinterestAds.PowerShell.Completion.ExperimentNameCompleter' }
        'Set-PinExperimentVariant' = @{ Variant = 'PinterestAds.PowerShell.Completion.VariantNameCompleter' }
    }

    function Get-ParameterTable([string] $Command) {
        # Every parameter with its aliases; common parameters count by name only (their two-letter
        # aliases, -ea and the like, are PowerShell's exact-match shortcuts).
        foreach ($parameter in (Get-Command $Command).Parameters.Values | Sort-Object Name) {
            $isCommon = $parameter.Name -in $common
            [pscustomobject]@{
                Name      = $parameter.Name
                Aliases   = if ($isCommon) { @() } else { @($parameter.Aliases) }
                IsCommon  = $isCommon
                Parameter = $parameter
            }
        }
    }

    function Format-ParameterTable($Table) {
        ($Table | Where-Object { -not $_.IsCommon } | ForEach-Object { "-$($_.Name)" + $(if ($_.Aliases) { " (aliases: $($_.Aliases -join ', '))" }) }) -join '; '
    }

    function ConvertTo-SnakeCase([string] $Name) {
        ($Name -creplace '(?<=[a-z0-9])([A-Z])', '_$1').ToLowerInvariant()
    }
}

AfterAll {
    $server.Dispose()
}

Describe 'Parameter names' {
    It '<Command>: no alias repeats or prefix-collides with another parameter''s name or alias' -ForEach $commands {
        $table = @(Get-ParameterTable $Command)
        $problems = foreach ($owner in $table) {
            foreach ($alias in $owner.Aliases) {
                foreach ($other in $table | Where-Object Name -NE $owner.Name) {
                    foreach ($name in @($other.Name) + $other.Aliases) {
                        # -BidStrategyType starting with -Bid adds nothing: -BidStrategy already does.
                        $ownNameStartsSo = @(@($owner.Name) + $owner.Aliases | Where-Object { $_ -ne $alias -and $_.StartsWith($name, 'OrdinalIgnoreCase') }).Count -gt 0
                        if ($name.StartsWith($alias, 'OrdinalIgnoreCase') -or ($alias.StartsWith($name, 'OrdinalIgnoreCase') -and -not $ownNameStartsSo)) {
                            "alias -$alias of -$($owner.Name) collides with -$name of -$($other.Name)"
                        }
                    }
                }
            }
        }
        $problems | Should -BeNullOrEmpty -Because "$Command has $(Format-ParameterTable $table)"
    }

    It '<Command>: every parameter binds by the spec''s name of its field' -ForEach $apiCommands {
        if (-not $SpecNames) { Set-ItResult -Skipped -Because 'the Pinterest OpenAPI spec is not available (set PINTEREST_OPENAPI_SPEC)'; return }
        $table = @(Get-ParameterTable $Command | Where-Object { -not $_.IsCommon -and -not $OwnParameters.ContainsKey($_.Name) })
        $unnamed = foreach ($row in $table) {
            $names = @($row.Name) + $row.Aliases
            if (-not ($names | Where-Object { $SpecNames.Contains((ConvertTo-SnakeCase $_)) })) { "-$($row.Name)" }
        }
        $unnamed | Should -BeNullOrEmpty -Because "no name or alias of these is a field of openapi.json ($Command has $(Format-ParameterTable $table)); add the field's PascalCase name as an alias, or list the parameter as the module's own"
    }

    It '<Command>: every id or name parameter completes' -ForEach $commands {
        $missing = foreach ($row in Get-ParameterTable $Command | Where-Object { -not $_.IsCommon }) {
            $byCommand = $CompletersByCommand[$Command]
            $wanted = if ($byCommand -and $byCommand.ContainsKey($row.Name)) { $byCommand[$row.Name] }
            else { @($row.Name) + $row.Aliases | Where-Object { $Completers.Contains($_) } | ForEach-Object { $Completers[$_] } | Select-Object -First 1 }
            # Only text is completed: -Variant of New-PinExperiment takes variant objects, not names.
            if (-not $wanted -or $row.Parameter.ParameterType -notin [string], [string[]]) { continue }
            $attached = @($row.Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | ForEach-Object { $_.Type.FullName })
            if ($attached -notcontains $wanted) { "-$($row.Name) needs [ArgumentCompleter(typeof($($wanted.Split('.')[-1])))]" }
        }
        $missing | Should -BeNullOrEmpty
    }
}

Describe 'Aliases bind' {
    It 'creates a campaign from a row whose column is Objective, and lists by -CampaignIds and -EntityStatuses' {
        $row = [pscustomobject]@{ AdAccountId = $account; Name = 'Alias row'; Objective = 'CONSIDERATION' }
        $created = $row | New-PinCampaign
        $created.ObjectiveType | Should -Be 'CONSIDERATION'

        $listed = @(Get-PinCampaign -AdAccountId $account -CampaignIds $created.Id -EntityStatuses ACTIVE)
        $listed.Id | Should -Be @($created.Id)
        $request = @(Get-AdsRequests -Server $server -Method GET -Collection campaigns)[-1]
        $request.QueryParameters['campaign_ids'] | Should -Be @($created.Id)
        $request.QueryParameters['entity_statuses'] | Should -Be @('ACTIVE')
    }

    It 'completes the values of a parameter typed by its alias (-Objective)' {
        $line = "Set-PinCampaign -AdAccountId $account -Id 1 -Objective WEB_"
        $found = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($found.CompletionMatches.CompletionText) | Should -Be @('WEB_CONVERSION')
    }
}
