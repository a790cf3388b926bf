# Runs the documentation's examples against the fake Pinterest API (see Examples.Tests.ps1 and the
# conventions in docs/README.md, "Examples are executed"). Each example gets a fresh fake with the
# ids the pages use, a fresh runspace that has imported the module and signed in, a working folder
# with the files examples read, and its own copy of the environment; afterwards the environment
# is restored and whatever the example started is stopped.

Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1')

# The ids the pages use; the fake numbers each collection from these, so seeding in this order
# gives them: the USD account (the fake's first), two campaigns, an ad group and an ad; a board
# with an image pin on it, and a video Pinterest has processed.
$script:Seed = [ordered]@{
    AdAccountId = '549755885175'
    CampaignId  = '626736533506'
    CampaignId2 = '626736533507'
    AdGroupId   = '2680059592705'
    AdId        = '687195134316'
    PinId       = '1016239833598937'
    BoardId     = '1022106240000001'
    BoardPinId  = '813744226420795885'
    MediaId     = '5212123920967240772'
}

function New-SecureText([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

function Get-ModuleSearchPath {
    <# PSModulePath with the built module's folder first, as if it were installed: found by name and autoloaded (in ForEach-Object -Parallel too). #>
    (Split-Path (Split-Path (Get-TestModulePath))) + [IO.Path]::PathSeparator + $env:PSModulePath
}

function Initialize-ExampleServer {
    <# A fresh fake with the ids the pages use (see $Seed), created through the module. #>
    $server = Start-PinTestServer
    try {
        $context = Connect-PinterestAds -ApiBaseUri $server.BaseUri -ClientId $server.ClientId -AccessToken (New-SecureText $server.IssueAccessToken()) -DoNotSetDefault -PassThru
        $account = $script:Seed.AdAccountId
        $spring = New-PinCampaign -Context $context -AdAccountId $account -Name 'Spring sale' -ObjectiveType CONSIDERATION -DailySpendCap 25.50
        $clearance = New-PinCampaign -Context $context -AdAccountId $account -Name 'Spring clearance' -ObjectiveType AWARENESS -Status PAUSED
        $group = New-PinAdGroup -Context $context -AdAccountId $account -CampaignId $spring.Id -Name 'Women US' -BillableEvent CLICKTHROUGH -Budget 50 -Bid 1.20 -Targeting @{ LOCATION = 'US'; GENDER = 'female' }
        $ad = New-PinAd -Context $context -AdAccountId $account -AdGroupId $group.Id -PinId $script:Seed.PinId -CreativeType REGULAR -Name 'Spring pin'
        $board = New-PinBoard -Context $context -Name 'Spring ideas' -Description 'Pins for the spring sale'
        $pin = New-PinCreative -Context $context -Type Image -BoardId $board.BoardId -ImageUrl 'https://shop.example/img/spring.jpg' -Title 'Spring sale' -Link 'https://shop.example/spring'
        $made = @{ AdAccountId = $server.DefaultAdAccountId; CampaignId = $spring.Id; CampaignId2 = $clearance.Id; AdGroupId = $group.Id; AdId = $ad.Id; PinId = $ad.PinId
            BoardId = $board.BoardId; BoardPinId = $pin.PinId; MediaId = $server.Media.AddProcessedVideo() }
        foreach ($key in $script:Seed.Keys) {
            if ("$($made[$key])" -ne $script:Seed[$key]) { throw "The example fixture expected $key $($script:Seed[$key]) but the fake gave $($made[$key]); the pages' ids and the fake's numbering disagree." }
        }
        $server
    }
    catch { Stop-PinTestServer $server; throw }
}

function Get-IssuedSecret {
    <# Every token the fake handed out and every code it redeemed, from its request log. #>
    param([Parameter(Mandatory)] $Server)
    foreach ($request in $Server.Requests | Where-Object Path -EQ '/v5/oauth/token') {
        if ($request.Body -match '(?:^|&)(?:code|refresh_token)=([^&]+)') { [uri]::UnescapeDataString($Matches[1]) }
        foreach ($match in [regex]::Matches("$($request.ResponseBody)", '"(?:access|refresh)_token"\s*:\s*"([^"]+)"')) { $match.Groups[1].Value }
    }
}

function Invoke-InRunspace {
    <# Runs $Script in the runspace with $Argument as $args; returns output, errors and the terminating exception. #>
    param([Parameter(Mandatory)] $Runspace, [Parameter(Mandatory)] [string] $Script, [object[]] $Argument = @(), [int] $TimeoutSeconds = 120)
    $ps = [powershell]::Create()
    $ps.Runspace = $Runspace
    try {
        [void]$ps.AddScript($Script)
        foreach ($value in $Argument) { [void]$ps.AddArgument($value) }
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]$null, $output)
        $failure = $null
        if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSeconds))) {
            $ps.Stop()
            $failure = [TimeoutException]::new("The example did not finish within $TimeoutSeconds s.")
        }
        else {
            try { $ps.EndInvoke($async) | Out-Null } catch { $failure = $_.Exception.InnerException ?? $_.Exception }
        }
        [pscustomobject]@{
            Output      = @($output)
            Errors      = @($ps.Streams.Error)
            Information = @($ps.Streams.Information | ForEach-Object { "$($_.MessageData)" })
            Warnings    = @($ps.Streams.Warning | ForEach-Object Message)
            Failure     = $failure
        }
    }
    finally { $ps.Dispose() }
}

function Invoke-DocExample {
    <#
    .SYNOPSIS
        Runs one example (from Get-DocExample) in a prepared session and returns what it did:
        Output (objects), Text (the output as the console shows it), Errors (error records, the
        terminating one included), Information, Warnings, Requests (what the fake received from
        the example) and Server.
    #>
    param([Parameter(Mandatory)] $Example, [Parameter(Mandatory)] [string] $WorkingFolder)
    $savedEnvironment = @{}
    foreach ($item in Get-ChildItem env:) { $savedEnvironment[$item.Name] = $item.Value }
    $server = Initialize-ExampleServer
    $runspace = $null
    try {
        Copy-Item (Join-Path $PSScriptRoot 'fixtures/examples/*') -Destination $WorkingFolder -Recurse
        # As a runbook's secret store would: the app, a refresh token and the API address (the fake).
        # HOME is the working folder, so "$HOME/..." in an example stays inside the test.
        foreach ($name in @($savedEnvironment.Keys) -like 'PINTEREST_ADS_*') {
            if ($name -ne 'PINTEREST_ADS_STATE_DIRECTORY') { Remove-Item "env:$name" }
        }
        $env:PINTEREST_ADS_CLIENT_ID = $server.ClientId
        $env:PINTEREST_ADS_CLIENT_SECRET = $server.ClientSecret
        $env:PINTEREST_ADS_REFRESH_TOKEN = $server.IssueRefreshToken()
        $env:PINTEREST_ADS_API_BASE_URI = $server.BaseUri
        $env:HOME = $WorkingFolder
        $env:PSModulePath = Get-ModuleSearchPath

        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        foreach ($variable in @{
                server       = $server
                clientId     = $server.ClientId
                secret       = New-SecureText $server.ClientSecret
                refreshToken = New-SecureText $server.IssueRefreshToken() }.GetEnumerator()) {
            $runspace.SessionStateProxy.SetVariable($variable.Key, $variable.Value)
        }
        $prepare = Invoke-InRunspace -Runspace $runspace -Argument $WorkingFolder, $env:PINTERESTADS_MODULE_PATH -Script @'
param($folder, $module)
Set-Location -LiteralPath $folder
Import-Module $module
# Confirmation prompts are answered "yes": no one is there to answer them.
$global:ConfirmPreference = 'None'
Connect-PinterestAds -ClientId $clientId -ClientSecret $secret -RefreshToken (ConvertTo-SecureString $server.IssueRefreshToken() -AsPlainText -Force)
'@
        if ($prepare.Failure -or $prepare.Errors) { throw "Preparing the example session failed: $($prepare.Failure) $($prepare.Errors)" }
        foreach ($setup in $Example.Directives.Setup) {
            $done = Invoke-InRunspace -Runspace $runspace -Script $setup
            if ($done.Failure -or $done.Errors) { throw "The example's setup '$setup' failed: $($done.Failure) $($done.Errors)" }
        }

        $before = @($server.Requests).Count
        $code = if ($Example.IsScript) { "& '$($Example.Code)'" } else { $Example.Code }
        $run = Invoke-InRunspace -Runspace $runspace -Script $code
        $rendered = Invoke-InRunspace -Runspace $runspace -Script 'param($objects) $objects | Out-String -Width 160' -Argument (, $run.Output)
        $errors = @($run.Errors) + @(if ($run.Failure) { if ($run.Failure.ErrorRecord) { $run.Failure.ErrorRecord } else { [System.Management.Automation.ErrorRecord]::new($run.Failure, 'exampleFailed', 'NotSpecified', $null) } })
        [pscustomobject]@{
            Output      = $run.Output
            Text        = "$($rendered.Output)" + $(if ($rendered.Failure -or $rendered.Errors) { "`nFORMATTING FAILED: $($rendered.Failure) $($rendered.Errors)" })
            Errors      = $errors
            Information = $run.Information
            Warnings    = $run.Warnings
            Requests    = @($server.Requests | Select-Object -Skip $before)
            Server      = $server
            Secrets     = @(Get-IssuedSecret $server) + $server.ClientSecret
        }
    }
    finally {
        if ($runspace) {
            # Servers the example started and left running.
            $started = Invoke-InRunspace -Runspace $runspace -Script 'Get-Variable -Scope Global | ForEach-Object Value | Where-Object { $null -ne $_ -and $_.GetType().FullName -eq ''PinterestAds.Testing.PinTestServer'' }'
            foreach ($other in $started.Output) { $other.Dispose() }
            $runspace.Dispose()
        }
        Stop-PinTestServer $server
        foreach ($item in Get-ChildItem env:) { if (-not $savedEnvironment.ContainsKey($item.Name)) { Remove-Item "env:$($item.Name)" } }
        foreach ($name in $savedEnvironment.Keys) { Set-Item "env:$name" $savedEnvironment[$name] }
    }
}

function Invoke-PesterExample {
    <#
    .SYNOPSIS
        Runs an example that is a Pester test file (directive "example: pester") as a user would:
        saved as Example.Tests.ps1 and run by Invoke-Pester in a fresh pwsh that finds the built
        module on PSModulePath. Returns the passed and failed counts and the output.
    #>
    param([Parameter(Mandatory)] $Example, [Parameter(Mandatory)] [string] $WorkingFolder)
    $file = Join-Path $WorkingFolder 'Example.Tests.ps1'
    Set-Content -LiteralPath $file -Value $Example.Code -Encoding utf8NoBOM
    $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
    $result = Invoke-TestPwsh -Environment @{ PSModulePath = Get-ModuleSearchPath; HOME = $WorkingFolder } -Script @"
Import-Module '$pester'
`$result = Invoke-Pester -Path '$file' -PassThru -Output Detailed
"RESULT `$(`$result.PassedCount) `$(`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount)"
"@
    $passed, $failed = if ($result.Output -match '(?m)^RESULT (\d+) (\d+)') { [int]$Matches[1], [int]$Matches[2] } else { 0, 1 }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Text = $result.AllText }
}

Export-ModuleMember -Function Invoke-DocExample, Invoke-PesterExample
