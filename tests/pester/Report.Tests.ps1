#Requires -Version 7.2
<#
    Export-PinReport through the built module, and its page as a browser shows it: Debian's
    chromium renders the file headless (a fresh profile, no network), its screenshot must show
    text and coloured chart lines on a light page, and its DOM (--dump-dom) must hold the chart
    titles and the entities' names, with a name holding <script> shown as text.
    The browser part runs on Linux only; build.ps1 test installs chromium.
#>

BeforeDiscovery {
    $script:skipReason = if (-not $IsLinux) { "the headless-browser rendering runs on Linux (Debian's chromium)" }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:hostile = "Summer <script>alert('pwned')</script> & co"

    # Analytics rows as Get-PinAnalytics writes them (the DESIGN names of PinterestAds.AnalyticsRow), with a Name for each entity.
    function New-Rows {
        $entities = @(
            @{ Id = '626736533506'; Name = 'Spring sale'; Base = 9000 }
            @{ Id = '626736533507'; Name = 'Spring clearance'; Base = 4000 }
            @{ Id = '626736533508'; Name = $hostile; Base = 6000 }
        )
        foreach ($entity in $entities) {
            foreach ($day in 0..9) {
                $impressions = $entity.Base + 400 * $day
                $spend = [decimal]($impressions * 4 / 1000)
                [pscustomobject]@{
                    AdAccountId = '549755885175'; Level = 'Campaign'; Id = $entity.Id; Name = $entity.Name; Date = [datetime]::new(2025, 3, 1 + $day)
                    Spend = $spend; Currency = 'USD'; SpendUsd = $spend; UsdRate = 1; Impressions = $impressions; Clicks = [long]($impressions / 80); Conversions = 3
                }
            }
        }
    }

    # Experiment results by the DESIGN names of PinterestAds.VariantResult, as a CSV of them reads back.
    function New-Results {
        [pscustomobject]@{ Experiment = 'Hero image'; Metric = 'Ctr'; Variant = 'Studio'; IsControl = 'True'; Status = 'ACTIVE'; Rate = '0.012'; RateLow = '0.0111'; RateHigh = '0.0130'; Lift = ''; AdjustedPValue = ''; Verdict = 'Control' }
        [pscustomobject]@{ Experiment = 'Hero image'; Metric = 'Ctr'; Variant = $hostile; IsControl = 'False'; Status = 'PAUSED'; Rate = '0.0152'; RateLow = '0.0141'; RateHigh = '0.0164'; Lift = '0.267'; AdjustedPValue = '0.00001'; Verdict = 'Better' }
    }

    function Assert-BrowserAvailable {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return $false }
        Get-Command chromium -CommandType Application -ErrorAction Ignore |
            Should -Not -BeNullOrEmpty -Because 'the test drives Debian''s chromium (build.ps1 test installs it; by hand: sudo apt-get install chromium)'
        $true
    }

    function Invoke-HeadlessChromium([string] $Page, [string] $Folder) {
        # A fresh profile and no background networking: Chromium reaches for nothing but the file.
        $profile = Join-Path $Folder 'profile'
        $start = [System.Diagnostics.ProcessStartInfo]::new('chromium')
        foreach ($argument in @(
                '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', "--user-data-dir=$profile", '--window-size=1000,2600', '--hide-scrollbars',
                "--screenshot=$(Join-Path $Folder 'page.png')", '--dump-dom', [uri]::new($Page, [UriKind]::Absolute).AbsoluteUri)) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $chromium = [System.Diagnostics.Process]::Start($start)
        $dom = $chromium.StandardOutput.ReadToEndAsync()
        $log = $chromium.StandardError.ReadToEndAsync()
        if (-not $chromium.WaitForExit(120000)) { $chromium.Kill($true); throw "chromium did not finish within 120 s: $($log.Result)" }
        $chromium.WaitForExit()
        $chromium.ExitCode | Should -Be 0 -Because $log.Result
        Remove-Item $profile -Recurse -Force -ErrorAction Ignore
        [pscustomobject]@{ Dom = $dom.Result; Png = Join-Path $Folder 'page.png'; Log = $log.Result }
    }
}

Describe 'Export-PinReport' {
    It 'writes one self-contained page from analytics rows and experiment results piped together' {
        $path = Join-Path $TestDrive 'together.html'
        $file = @(New-Rows) + @(New-Results) | Export-PinReport -Path $path -Title 'March report' -PassThru

        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be $path
        $html = Get-Content -Raw $path
        $html | Should -Match '<title>March report</title>'
        $html | Should -Match 'Spend over time \(USD\)'
        $html | Should -Match 'Hero image: CTR with 95% Wilson interval'
        $html | Should -Match '<td>Studio \(control\)</td>' -Because 'IsControl read back from text: True'
        $html | Should -Match '<td>Summer &lt;script&gt;alert\(''pwned''\)&lt;/script&gt; &amp; co</td>' -Because 'IsControl read back from text: False'
        $html | Should -Match '\+26\.7%'
        $html | Should -Not -Match '<script' -Because 'the page runs no script, and a name is never markup'
        $html | Should -Not -Match '(src|href)="(https?:)?//' -Because 'the page loads nothing from elsewhere'
        Get-ChildItem $TestDrive -Filter '.together.html.*' -Force | Should -BeNullOrEmpty -Because 'no temporary file is left behind'
    }

    It 'reads rows back from CSV, and works out spend in dollars from UsdRate when SpendUsd is missing' {
        $path = Join-Path $TestDrive 'csv.html'
        $csv = Join-Path $TestDrive 'rows.csv'
        New-Rows | Select-Object Level, Id, Name, Date, Spend, @{ n = 'Currency'; e = { 'EUR' } }, @{ n = 'UsdRate'; e = { '1.25' } }, Impressions, Clicks, Conversions |
            Export-Csv $csv
        Import-Csv $csv | Export-PinReport -Path $path
        $html = Get-Content -Raw $path
        $html | Should -Match 'Spend over time \(EUR\)'
        # Spring sale: 10 days of (9000 + 400 d) * 4 / 1000 EUR add up to 432.00 EUR, at 1.25 USD per EUR 540.00 USD.
        $html | Should -Match '432\.00 EUR</td>\s*<td class="num">540\.00</td>'
    }

    It 'refuses what is neither a row nor a result, and writes the report without it' {
        $path = Join-Path $TestDrive 'partial.html'
        $errors = $null
        @(New-Rows) + @([pscustomobject]@{ Campaign = 'x' }, [pscustomobject]@{ Level = 'Campaign'; Id = '1'; Spend = 5; Currency = 'EUR'; Impressions = 1; Clicks = 0 }) |
            Export-PinReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 2
        $errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'reportInputInvalid*' }
        $errors[0].Exception.Message | Should -Match 'neither an analytics row \(from Get-PinAnalytics: it lacks Level, Id, Spend, Impressions, Clicks\)'
        $errors[1].Exception.Message | Should -Match 'Spend is in EUR.*neither SpendUsd nor UsdRate'
        Get-Content -Raw $path | Should -Match 'Spring sale'
    }

    It 'writes nothing with -WhatIf, keeps a file with -NoClobber, and refuses a path that is not a file' {
        $path = Join-Path $TestDrive 'kept.html'
        New-Rows | Export-PinReport -Path $path -WhatIf
        $path | Should -Not -Exist

        Set-Content $path 'earlier'
        { New-Rows | Export-PinReport -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'reportFileExists,*'
        Get-Content $path | Should -Be 'earlier'

        { New-Rows | Export-PinReport -Path 'Env:\report' -ErrorAction Stop } | Should -Throw -ErrorId 'invalidArgument,*'
        { New-Rows | Export-PinReport -Path (Join-Path $TestDrive 'no-such-folder/r.html') -ErrorAction Stop } | Should -Throw -ErrorId 'reportWriteFailed,*'
    }
}

Describe 'The report in headless Chromium' {
    BeforeAll {
        $script:folder = Join-Path $TestDrive 'chromium'
        New-Item -ItemType Directory $folder | Out-Null
        $script:page = Join-Path $folder 'report.html'
        @(New-Rows) + @(New-Results) | Export-PinReport -Path $page -Title 'March report'
    }

    It 'renders the chart titles and the entities'' names, a name holding a script tag as text' {
        if (-not (Assert-BrowserAvailable)) { return }
        $shown = Invoke-HeadlessChromium -Page $page -Folder $folder

        $shown.Dom | Should -Match '<h1>March report</h1>' -Because $shown.Log
        foreach ($title in 'Spend over time (USD)', 'Impressions over time', 'CTR over time (clicks per impression)', 'Hero image: CTR with 95% Wilson interval') {
            $shown.Dom | Should -Match "<title[^>]*>$([regex]::Escape($title))</title>"
        }
        foreach ($name in 'Spring sale', 'Spring clearance', 'Studio') {
            $shown.Dom | Should -Match ([regex]::Escape($name))
        }
        # The browser parsed the name as text: serialised back, it is escaped, and no script element exists.
        $shown.Dom | Should -Match ([regex]::Escape("Summer &lt;script&gt;alert('pwned')&lt;/script&gt; &amp; co"))
        $shown.Dom | Should -Not -Match '<script'
    }

    It 'paints a page a person can read: text and coloured lines on white, not a blank screenshot' {
        if (-not (Assert-BrowserAvailable)) { return }
        $shown = Invoke-HeadlessChromium -Page $page -Folder $folder

        Add-Type -Path (Get-TestPackageAssembly BigGustave)
        $png = [BigGustave.Png]::Open($shown.Png)
        $png.Width | Should -Be 1000
        $ink = 0; $paper = 0; $colour = 0; $sampled = 0
        for ($y = 0; $y -lt $png.Height; $y += 4) {
            for ($x = 0; $x -lt $png.Width; $x += 4) {
                $pixel = $png.GetPixel($x, $y)
                $light = 0.299 * $pixel.R + 0.587 * $pixel.G + 0.114 * $pixel.B
                if ($light -lt 100) { $ink++ } elseif ($light -gt 200) { $paper++ }
                $spread = [Math]::Max([Math]::Max($pixel.R, $pixel.G), $pixel.B) - [Math]::Min([Math]::Min($pixel.R, $pixel.G), $pixel.B)
                if ($spread -gt 90) { $colour++ }
                $sampled++
            }
        }
        $ink / $sampled | Should -BeGreaterThan 0.002 -Because 'titles, labels and tables are drawn'
        $paper / $sampled | Should -BeGreaterThan 0.5 -Because 'the page is light'
        $colour / $sampled | Should -BeGreaterThan 0.001 -Because 'the chart lines and interval dots are coloured'
    }
}
