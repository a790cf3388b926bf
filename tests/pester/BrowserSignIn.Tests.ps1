#Requires -Version 7.2
<#
    The interactive Connect-PinterestAds in a real browser. A child pwsh runs at a terminal, as a
    person's does (so the module may open a browser), with BROWSER naming
    fixtures/browser/headless-chromium.sh: the module starts it the way it starts the default
    browser, Chromium opens the fake's authorize page, follows its consent redirect to the
    module's loopback listener and shows the listener's page. The tests check the sign-in (or its
    refusal), the page as Chromium rendered it (DOM text and a screenshot that is not blank), and
    that no authorization code or token is left in any output or file.
    Linux only (Debian's chromium, util-linux script); build.ps1 test installs chromium.
#>

BeforeDiscovery {
    $script:skipReason = if (-not $IsLinux) { "the headless-browser sign-in runs on Linux (Debian's chromium and util-linux script)" }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:server = Start-PinTestServer
    $script:launcher = Join-Path $PSScriptRoot 'fixtures/browser/headless-chromium.sh'

    function Assert-BrowserAvailable {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return $false }
        Get-Command chromium -CommandType Application -ErrorAction Ignore |
            Should -Not -BeNullOrEmpty -Because 'the test drives Debian''s chromium (build.ps1 test installs it; by hand: sudo apt-get install chromium)'
        $true
    }

    function Get-FreePort {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        try { $probe.LocalEndpoint.Port } finally { $probe.Stop() }
    }

    function Invoke-BrowserSignIn {
        <#
            Runs Connect-PinterestAds at a terminal with the launcher as BROWSER and waits for the
            launcher to finish. Returns the child's result and the folder of what Chromium showed.
        #>
        param([hashtable] $BrowserEnvironment = @{})
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $environment = @{
            PINTEREST_ADS_CLIENT_ID      = $server.ClientId
            PINTEREST_ADS_CLIENT_SECRET  = $server.ClientSecret
            PINTEREST_ADS_API_BASE_URI   = $server.BaseUri
            PINTERESTADS_TEST_BROWSER_DIR = $folder
            BROWSER                      = $launcher
        }
        # The module opens no browser in automation; a person's terminal has none of these.
        foreach ($name in 'CI', 'TF_BUILD', 'GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'BUILDKITE', 'AUTOMATION_ASSET_ACCOUNTID') { $environment[$name] = $null }
        foreach ($key in $BrowserEnvironment.Keys) { $environment[$key] = $BrowserEnvironment[$key] }

        # localhost, as users register it: Chromium may reach the listener over ::1 or 127.0.0.1.
        $redirect = "http://localhost:$(Get-FreePort)/callback"
        $result = Invoke-TestPwsh -Terminal -Environment $environment -TimeoutSeconds 120 -Script @"
Import-Module `$env:PINTERESTADS_MODULE_PATH
try { Connect-PinterestAds -RedirectUri '$redirect' -ErrorAction Stop }
catch { "ERROR `$(`$_.FullyQualifiedErrorId)"; exit 3 }
`$c = Get-PinterestAdsContext
"RESULT `$(`$c.AuthenticationMethod) `$(`$c.AdAccountIds.Count) `$(`$c.CanRefresh)"
"@
        # The sign-in ends when the listener has answered; Chromium may still be writing the page.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path (Join-Path $folder 'exit-code')) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        [pscustomobject]@{ Result = $result; Folder = $folder; Redirect = $redirect }
    }

    function Get-Shown([string] $Folder, [string] $Name) {
        $path = Join-Path $Folder $Name
        $path | Should -Exist -Because "the launcher leaves $Name (chromium.log: $(Get-Content -Raw (Join-Path $Folder 'chromium.log') -ErrorAction Ignore))"
        $path
    }

    function Assert-BrowserFinished([string] $Folder) {
        (Get-Content (Get-Shown $Folder 'exit-code')).Trim() | Should -Be '0' -Because (Get-Content -Raw (Join-Path $Folder 'chromium.log') -ErrorAction Ignore)
        # The profile held the visited addresses, the authorization code among them.
        (Get-Content (Get-Shown $Folder 'profile.txt')).Trim() | Should -Not -Exist
    }

    function Assert-ReadablePage([string] $Folder, [string] $Title, [string] $Text) {
        $dom = Get-Content -Raw (Get-Shown $Folder 'page.html')
        $dom | Should -Match "<title>$([regex]::Escape($Title))</title>"
        $dom | Should -Match "<h1>$([regex]::Escape($Title))</h1>"
        $dom | Should -Match ([regex]::Escape($Text))

        # A page a person can read: dark text on a light page, not a blank or all-dark image.
        Add-Type -Path (Get-TestPackageAssembly BigGustave)
        $png = [BigGustave.Png]::Open((Get-Shown $Folder 'page.png'))
        $png.Width | Should -Be 800
        $ink = 0; $paper = 0; $sampled = 0
        for ($y = 0; $y -lt $png.Height; $y += 2) {
            for ($x = 0; $x -lt $png.Width; $x += 2) {
                $pixel = $png.GetPixel($x, $y)
                $light = (0.299 * $pixel.R + 0.587 * $pixel.G + 0.114 * $pixel.B)
                if ($light -lt 100) { $ink++ } elseif ($light -gt 200) { $paper++ }
                $sampled++
            }
        }
        $ink / $sampled | Should -BeGreaterThan 0.002 -Because 'the title and the text are drawn'
        $paper / $sampled | Should -BeGreaterThan 0.5 -Because 'the page is light and mostly empty around the text'
    }

    function Assert-NoSecretLeft($SignIn) {
        # The secrets of this sign-in, from the fake's log: the code the module redeemed and the tokens it got.
        $secrets = @(foreach ($request in $server.Requests | Where-Object Path -EQ '/v5/oauth/token') {
                if ($request.Body -match '(?:^|&)code=([^&]+)') { [uri]::UnescapeDataString($Matches[1]) }
                foreach ($match in [regex]::Matches("$($request.ResponseBody)", '"(?:access|refresh)_token"\s*:\s*"([^"]+)"')) { $match.Groups[1].Value }
            })
        $texts = @{ 'the output of pwsh' = $SignIn.Result.AllText }
        foreach ($file in Get-ChildItem $SignIn.Folder -File -Recurse) { $texts[$file.Name] = [IO.File]::ReadAllText($file.FullName, [Text.Encoding]::Latin1) }
        foreach ($where in $texts.Keys) {
            # A refused sign-in redeems nothing, so its code is known only by where it would show: the redirect address.
            $texts[$where] -match '[?&]code=' | Should -BeFalse -Because "no redirect address with its code may appear in $where"
            foreach ($secret in $secrets | Where-Object { $_ }) {
                $texts[$where].Contains($secret) | Should -BeFalse -Because "no code or token may appear in $where"
            }
        }
    }

    function Get-AuthorizePages {
        @($server.Requests | Where-Object { $_.Method -eq 'GET' -and $_.Path -like '/oauth*' })
    }

    function Get-CodeExchanges {
        @($server.Requests | Where-Object { $_.Path -eq '/v5/oauth/token' -and $_.Body -match '(^|&)grant_type=authorization_code(&|$)' })
    }
}

AfterAll {
    if ($server) { Stop-PinTestServer $server }
}

Describe 'The browser sign-in in headless Chromium' {
    It 'opens the authorize page with the BROWSER command, comes back to the loopback listener and signs in' {
        if (-not (Assert-BrowserAvailable)) { return }
        $pagesBefore = (Get-AuthorizePages).Count
        $exchangesBefore = (Get-CodeExchanges).Count

        $signIn = Invoke-BrowserSignIn
        $signIn.Result.ExitCode | Should -Be 0 -Because $signIn.Result.AllText
        $signIn.Result.Output | Should -Match 'A browser window was opened'
        $signIn.Result.Output | Should -Match '(?m)^RESULT Browser 3 True$'

        # Chromium itself asked for the authorize page, with this sign-in's redirect address.
        $pages = @(Get-AuthorizePages | Select-Object -Skip $pagesBefore)
        $pages.Count | Should -Be 1
        $pages[0].Header('User-Agent') | Should -Match 'Chrome/'
        @($pages[0].QueryParameters['redirect_uri']) | Should -Be @($signIn.Redirect)
        (Get-CodeExchanges).Count | Should -Be ($exchangesBefore + 1)

        Assert-BrowserFinished $signIn.Folder
        Assert-ReadablePage $signIn.Folder -Title 'Signed in' -Text 'You are signed in to Pinterest Ads in PowerShell. You can close this window.'
        Assert-NoSecretLeft $signIn
    }

    It 'ends without a sign-in when <Why>: nothing is redeemed and the page says so' -ForEach @(
        @{
            Why = 'the redirect carries another state'; Deny = $false; ErrorId = 'stateMismatch'; Title = 'Sign-in refused'
            BrowserEnvironment = @{ PINTERESTADS_TEST_BROWSER_STATE = 'forged-state' }
            Text = 'did not match this sign-in (state mismatch). Close this window and run Connect-PinterestAds again.'
        }
        @{
            Why = 'the user denies consent'; Deny = $true; ErrorId = 'signInDenied'; Title = 'Sign-in not completed'
            BrowserEnvironment = @{}
            Text = 'Pinterest did not grant access. You can close this window.'
        }
    ) {
        if (-not (Assert-BrowserAvailable)) { return }
        $exchangesBefore = (Get-CodeExchanges).Count
        $server.DenyAuthorization = $Deny
        try { $signIn = Invoke-BrowserSignIn -BrowserEnvironment $BrowserEnvironment }
        finally { $server.DenyAuthorization = $false }

        $signIn.Result.ExitCode | Should -Be 3 -Because $signIn.Result.AllText
        $signIn.Result.Output | Should -Match "ERROR $ErrorId"
        (Get-CodeExchanges).Count | Should -Be $exchangesBefore

        Assert-BrowserFinished $signIn.Folder
        Assert-ReadablePage $signIn.Folder -Title $Title -Text $Text
        Assert-NoSecretLeft $signIn
    }
}
