#Requires -Version 7.2
<#
    Send-PinMedia and Get-PinMedia over HTTP against the fake Pinterest API and its upload host,
    through the built module: a 200 MB upload whose form fields precede the file and which carries
    nothing of Pinterest's, files that are not videos, dropped uploads and refused upload URLs,
    parallel uploads with a bar per file and results in input order, the processing wait and its
    limit, and what spends the request budget.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Ads.TestKit.ps1')
    # The machine-local budget goes to this test's own folder: no other run spends from it.
    $script:savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
    $env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $TestDrive 'state'
    $script:server, $script:contract, $null = Initialize-AdsTestRun
    $script:folder = Join-Path $TestDrive 'videos'
    New-Item -ItemType Directory -Path $folder | Out-Null

    function New-Video([string] $Name, [long] $Length = 64KB) {
        # An MP4 header (ftyp at offset 4, as the fake's processing looks for) and zeros after it:
        # the file is sparse, so even 200 MB costs no disk.
        $path = Join-Path $folder $Name
        $stream = [System.IO.File]::Create($path)
        try {
            $header = [byte[]](0, 0, 0, 24) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom')
            $stream.Write($header, 0, $header.Length)
            $stream.SetLength($Length)
        }
        finally { $stream.Dispose() }
        $path
    }

    function Get-Uploads { @($server.Requests | Where-Object Path -EQ '/media-upload/') }
    function Get-ApiRequests { @($server.Requests | Where-Object { $_.Path -like '/v5/*' -and $_.Path -notlike '/v5/oauth/*' }) }

    function Invoke-Watched([scriptblock] $Script) {
        # Runs $Script in a runspace of its own, signed in with this session's context, and returns
        # its output, errors and progress records (which no redirection can capture).
        $ps = [powershell]::Create()
        try {
            [void]$ps.AddScript('param($module, $context, $script) Import-Module $module; & ([scriptblock]::Create($script)) $context')
            [void]$ps.AddArgument((Get-TestModulePath)).AddArgument((Get-PinterestAdsContext)).AddArgument($Script.ToString())
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress) }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    $server.Dispose()
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

Describe 'Send-PinMedia' {
    BeforeEach {
        $server.ClearRequests()
        $server.Media.ProcessingPolls = 1
    }

    It 'streams a 200 MB video to the upload host: form fields before the file, no bearer token, no Idempotency-Key' {
        $path = New-Video 'big.mp4' 200MB
        # The host reads nothing for a second: the upload lasts long enough to show a rate.
        [void]$server.Faults.InjectLatency('POST', '/media-upload/', [timespan]::FromSeconds(1))
        $run = Invoke-Watched ([scriptblock]::Create("param(`$context) Send-PinMedia -Context `$context -LiteralPath '$path'"))
        $run.Errors | Should -BeNullOrEmpty
        $media = $run.Output[0]
        $media.PSTypeNames[0] | Should -Be 'PinterestAds.Media'
        $media.Status | Should -Be 'succeeded'
        $media.MediaType | Should -Be 'video'
        $media.Path | Should -Be $path
        $media.Length | Should -Be 200MB

        $upload = Get-Uploads
        $upload.Count | Should -Be 1
        $upload[0].Upload.FileBytes | Should -Be 200MB
        $upload[0].Upload.Completed | Should -BeTrue
        $upload[0].Upload.FieldsBeforeFile | Should -BeTrue -Because ($upload[0].Upload.FieldNames -join ', ')
        $upload[0].Upload.HadAuthorization | Should -BeFalse
        $upload[0].Header('Authorization') | Should -BeNullOrEmpty
        $upload[0].Header('Idempotency-Key') | Should -BeNullOrEmpty
        $upload[0].Upload.Key | Should -Match $media.MediaId

        $register = @(Get-ApiRequests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/media' })
        $register.Count | Should -Be 1
        $register[0].Header('Idempotency-Key') | Should -Not -BeNullOrEmpty
        $server.Media.GetMedia($media.MediaId).DetectedFormat | Should -Be 'mp4'
        ($media | Format-Table | Out-String) | Should -Match "$($media.MediaId)\s+succeeded\s+210 MB"

        # Written on the pipeline thread (a background Write-Progress would have failed the cmdlet): bytes, rate, time left.
        $bars = @($run.Progress | Where-Object Activity -EQ 'Sending big.mp4 to Pinterest')
        @($bars | Where-Object StatusDescription -Match "^media $($media.MediaId): [\d.]+ [kMG]?B of 210 MB at [\d.]+ [kMG]?B/s$").Count | Should -BeGreaterThan 0 -Because ($bars.StatusDescription -join "`n")
        @($bars | Where-Object { $_.SecondsRemaining -ge 0 -and $_.PercentComplete -lt 100 }).Count | Should -BeGreaterThan 0 -Because 'a bar shows the time left'
        $bars[-1].RecordType | Should -Be 'Completed'
    }

    It 'registers media against the request budget and polls it, but the upload host spends none' {
        $before = (Get-PinRateLimit | Where-Object Bucket -EQ 'app').Used
        $media = Send-PinMedia (New-Video 'budget.mp4')
        $after = (Get-PinRateLimit | Where-Object Bucket -EQ 'app').Used
        $api = Get-ApiRequests
        $api.Path | Should -Contain '/v5/media'
        $api.Path | Should -Contain "/v5/media/$($media.MediaId)"
        (Get-Uploads).Count | Should -Be 1
        ($after - $before) | Should -Be $api.Count -Because 'each API request takes one permit and the upload none'
    }

    It 'fails a file that is not a video with an error naming the file and the media id' {
        $path = Join-Path $folder 'notes.txt'
        Set-Content -Path $path -Value ('not a video ' * 100)
        $media = Send-PinMedia -LiteralPath $path -ErrorVariable failed -ErrorAction SilentlyContinue
        $media | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'mediaProcessingFailed,*'
        $id = $server.Media.MediaIds[-1]
        $server.Media.GetMedia($id).Status | Should -Be 'failed'
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("'$path' (media $id)"))
        $failed[0].Exception.Message | Should -Match 'not a video'
    }

    It 'sends a dropped upload again to the same media and recovers' {
        $server.Media.DropUploadAfter(256KB)
        $all = Send-PinMedia (New-Video 'dropped.mp4' 2MB) -Verbose 4>&1
        $media = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $media.Status | Should -Be 'succeeded'
        $uploads = Get-Uploads
        $uploads.Count | Should -Be 2
        $uploads[0].Upload.Completed | Should -BeFalse
        $uploads[1].Upload.FileBytes | Should -Be 2MB
        @(Get-ApiRequests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/media' }).Count | Should -Be 1 -Because 'the upload URL still works'
        "$($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })" | Should -Match 'failed \(the connection .*\); sending it again'
    }

    It 'registers again for a fresh upload URL when the upload host refuses the URL itself' {
        [void]$server.Faults.InjectStatus('POST', '/media-upload/', 403)
        $media = Send-PinMedia (New-Video 'expired.mp4')
        $media.Status | Should -Be 'succeeded'
        $registrations = @(Get-ApiRequests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/media' })
        $registrations.Count | Should -Be 2
        $registrations[0].Header('Idempotency-Key') | Should -Not -Be $registrations[1].Header('Idempotency-Key') -Because 'the second registration is a new media, not a replay'
        (Get-Uploads).Count | Should -Be 2
    }

    It 'names the file, the media id and what the upload host said when every try fails' {
        [void]$server.Faults.InjectStatus('POST', '/media-upload/', 503, 4)
        $path = New-Video 'down.mp4'
        Send-PinMedia -LiteralPath $path -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'mediaUploadFailed,*'
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("'$path' (media $($server.Media.MediaIds[-1]))"))
        $failed[0].Exception.Message | Should -Match '4 attempt\(s\): the upload host answered 503'
        (Get-Uploads).Count | Should -Be 4
    }

    It 'returns after the upload with -NoWait, and -TimeoutSeconds ends the wait with how to check later' {
        $server.Media.ProcessingPolls = 100
        $early = Send-PinMedia (New-Video 'nowait.mp4') -NoWait
        $early.Status | Should -Be 'processing'
        @(Get-ApiRequests | Where-Object Path -Like '/v5/media/*').Count | Should -Be 1

        $path = New-Video 'slow.mp4'
        Send-PinMedia -LiteralPath $path -TimeoutSeconds 2 -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $id = $server.Media.MediaIds[-1]
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'mediaProcessingTimedOut,*'
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("'$path' was uploaded as media $id"))
        $failed[0].Exception.Message | Should -Match "Get-PinMedia -MediaId $id"
        # Polled at once, after 1 s, then at the deadline (2 s): not a busy loop.
        @($server.Requests | Where-Object Path -EQ "/v5/media/$id").Count | Should -BeIn 2, 3
    }

    It 'uploads piped files up to -ThrottleLimit at once, with a bar per file under an overall bar, in input order' {
        $paths = @((New-Video 'p1.mp4' 24MB), (New-Video 'p2.mp4' 64KB), (New-Video 'p3.mp4' 8MB), (New-Video 'p4.mp4' 64KB))
        $run = Invoke-Watched ([scriptblock]::Create("param(`$context) Get-ChildItem -LiteralPath '$($paths -join "','")' | Send-PinMedia -Context `$context -ThrottleLimit 4"))
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Path | Should -Be $paths
        $run.Output.Status | Should -Be (@('succeeded') * 4)

        $overall = @($run.Progress | Where-Object ParentActivityId -EQ -1)
        $files = @($run.Progress | Where-Object ParentActivityId -NE -1)
        $overall.Activity | Sort-Object -Unique | Should -Be 'Sending media to Pinterest'
        $files.ParentActivityId | Sort-Object -Unique | Should -Be $overall[0].ActivityId
        @($files.ActivityId | Sort-Object -Unique).Count | Should -Be 4
        $overall[-1].RecordType | Should -Be 'Completed'
        $overall[-2].StatusDescription | Should -Match '4 of 4 file\(s\) done'

        # The big first file was still going when later ones had started: they overlapped.
        $firstDone = [array]::FindIndex([object[]]$run.Progress, [Predicate[object]] { param($p) $p.Activity -match 'p1\.mp4' -and $p.RecordType -eq 'Completed' })
        $laterStarted = [array]::FindIndex([object[]]$run.Progress, [Predicate[object]] { param($p) $p.Activity -match 'p[234]\.mp4' })
        $laterStarted | Should -BeLessThan $firstDone
    }

    It 'sends one file at a time with -ThrottleLimit 1' {
        $paths = @((New-Video 's1.mp4' 4MB), (New-Video 's2.mp4'))
        $run = Invoke-Watched ([scriptblock]::Create("param(`$context) Send-PinMedia -Context `$context -LiteralPath '$($paths -join "','")' -ThrottleLimit 1"))
        $run.Output.Path | Should -Be $paths
        $firstDone = [array]::FindIndex([object[]]$run.Progress, [Predicate[object]] { param($p) $p.Activity -match 's1\.mp4' -and $p.RecordType -eq 'Completed' })
        $secondStarted = [array]::FindIndex([object[]]$run.Progress, [Predicate[object]] { param($p) $p.Activity -match 's2\.mp4' })
        $secondStarted | Should -BeGreaterThan $firstDone
    }

    It 'expands wildcards in -Path, relative to the current location, and takes [ ] literally in -LiteralPath' {
        $wild = New-Item -ItemType Directory -Path (Join-Path $folder 'wild') -Force
        Push-Location $wild
        try {
            $null = (New-Video 'wild/w1.mp4'), (New-Video 'wild/w2.mp4'), (New-Video 'wild/[x].mp4')
            (Send-PinMedia -Path 'w?.mp4' -NoWait).Path | Should -Be @((Join-Path $wild 'w1.mp4'), (Join-Path $wild 'w2.mp4'))
            (Send-PinMedia -LiteralPath '[x].mp4' -NoWait).Path | Should -Be (Join-Path $wild '[x].mp4')
        }
        finally { Pop-Location }
    }

    It 'writes a failed file as an error at its place and goes on with the others' {
        $bad = Join-Path $folder 'bad.mov'
        Set-Content -Path $bad -Value 'plain text'
        $big = New-Video 'good-big.mp4' 16MB
        $good = New-Video 'good.mp4'
        # The big first file finishes last, the bad one fails first: they come out in input order all the same.
        $results = @(Send-PinMedia -LiteralPath $big, $bad, $good -ErrorAction Continue 2>&1)
        $results.Count | Should -Be 3
        $results[0].Path | Should -Be $big
        $results[1] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $results[1].TargetObject | Should -Be $bad
        $results[2].Path | Should -Be $good
    }

    It 'refuses <Case> before anything is sent' -ForEach @(
        @{ Case = 'a missing file'; Arguments = @{ LiteralPath = 'missing.mp4' }; Parameter = 'LiteralPath'; Rule = 'missing\.mp4' }
        @{ Case = 'a pattern that matches nothing'; Arguments = @{ Path = 'nothing-*.mp4' }; Parameter = 'Path'; Rule = 'no file matches' }
        @{ Case = 'an empty file'; Arguments = @{ LiteralPath = 'empty.mp4' }; Parameter = 'LiteralPath'; Rule = 'empty' }
        @{ Case = 'a folder'; Arguments = @{ LiteralPath = '.' }; Parameter = 'LiteralPath'; Rule = 'folder|directory' }
    ) {
        Push-Location $folder
        try {
            New-Item -ItemType File -Path empty.mp4 -Force | Out-Null
            Assert-RefusedBeforeSending -Server $server -Parameter $Parameter -Rule $Rule -Action { Send-PinMedia @Arguments }
        }
        finally { Pop-Location }
    }

    It 'keeps the upload credentials out of the debug and verbose streams' {
        $shown = Send-PinMedia (New-Video 'debug.mp4') -Debug -Verbose 5>&1 4>&1 | Out-String
        $shown | Should -Match 'upload host; no Authorization, no Idempotency-Key'
        $registration = @($server.Requests | Where-Object { $_.Method -eq 'POST' -and $_.Path -eq '/v5/media' })[-1].ResponseBody | ConvertFrom-Json
        foreach ($name in 'x-amz-security-token', 'x-amz-signature', 'x-amz-credential') {
            $value = $registration.upload_parameters.$name
            $value | Should -Not -BeNullOrEmpty
            $shown.Contains($value) | Should -BeFalse -Because "$name is a credential of the upload"
        }
    }

    It 'sends nothing with -WhatIf' {
        Send-PinMedia (New-Video 'whatif.mp4') -WhatIf
        $server.Requests.Count | Should -Be 0
    }
}

Describe 'Get-PinMedia' {
    It 'reads media by id, piped or given, and lists every upload page by page' {
        $ids = 1..3 | ForEach-Object { $server.Media.AddProcessedVideo() }
        $server.ClearRequests()
        $one = Get-PinMedia -MediaId $ids[0]
        $one.PSTypeNames[0] | Should -Be 'PinterestAds.Media'
        $one.Status | Should -Be 'succeeded'
        ($ids | Get-PinMedia).MediaId | Should -Be $ids

        $listed = Get-PinMedia -All -PageSize 2
        $listed.MediaId | Should -Contain $ids[2]
        @($server.Requests | Where-Object { $_.Path -eq '/v5/media' -and $_.Method -eq 'GET' }).Count | Should -BeGreaterThan 1
        (Get-PinMedia -First 2 -Skip 1).Count | Should -Be 2
    }

    It 'says media <Id> is not found as an error about that id only' -ForEach @(@{ Id = '12345678901' }) {
        $found = Get-PinMedia -MediaId $Id, $server.Media.AddProcessedVideo() -ErrorVariable failed -ErrorAction SilentlyContinue
        @($found).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $Id
    }

    It 'refuses a media id that is not one before sending' {
        Assert-RefusedBeforeSending -Server $server -Parameter MediaId -Rule 'not a Pinterest id' -Action { Get-PinMedia -MediaId 'clip.mp4' }
    }
}
