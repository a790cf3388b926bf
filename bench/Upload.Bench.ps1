<#
.SYNOPSIS
    A large video upload: Send-PinMedia against curl -F to the same fake upload host, and the
    memory the pwsh process that uploads grows by.
.DESCRIPTION
    Starts the fake Pinterest API (Start-PinTestServer) on loopback and makes sparse video files
    (an MP4 header, then zeros) of each -SizeMB, so disk speed does not enter. Each run uploads
    each size twice, the order of the two alternating run by run:
    - Send-PinMedia -NoWait in a fresh pwsh that has imported the module, connected and sent a
      64 kB file first (compiling the upload path): timed from the call to its return
      (registration, POST /media, included), with the process's peak
      resident set reset just before the call (/proc/self/clear_refs) and read after it, so the
      growth is what the upload itself cost;
    - curl -F, every upload_parameters field first and then the file, to the upload_url of a
      registration made just before (not timed), with Expect: 100-continue off as an SDK sends it.
    Figures are medians over -Runs runs. Writes one object per size, then the markdown section.
.EXAMPLE
    ./bench/Upload.Bench.ps1 -ModuleManifest ./out/PinterestAds/PinterestAds.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int[]] $SizeMB = @(256, 1024),
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
if (-not (Get-Command curl -CommandType Application -ErrorAction Ignore)) { throw 'curl is needed as the baseline.' }
if (-not (Test-Path /proc/self/clear_refs)) { throw 'The peak working set is read from /proc (Linux).' }

# The child: connect, reset the peak resident set, upload, report time and memory as JSON.
$child = @'
param($module, $baseUri, $clientId, $token, $path, $warmUp)
$ErrorActionPreference = 'Stop'
Import-Module $module
Connect-PinterestAds -ApiBaseUri $baseUri -ClientId $clientId -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -RequestsPerHour 100000
function Get-Kb([string] $Field) { [long](@((Get-Content /proc/self/status) -match "^${Field}:")[0] -replace '\D', '') }
$ProgressPreference = 'SilentlyContinue'
# A first, small upload pays for compiling the upload path, as curl's compiled code need not.
$null = Send-PinMedia -LiteralPath $warmUp -NoWait
[GC]::Collect()
$reset = [System.IO.FileStream]::new('/proc/self/clear_refs', [System.IO.FileMode]::Open, [System.IO.FileAccess]::Write)
$reset.Write([byte[]](0x35), 0, 1)
$reset.Dispose()
$before = Get-Kb VmRSS
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$media = Send-PinMedia -LiteralPath $path -NoWait
$seconds = $clock.Elapsed.TotalSeconds
[pscustomobject]@{ Seconds = $seconds; GrowthMB = ((Get-Kb VmHWM) - $before) / 1024; Status = $media.Status } | ConvertTo-Json -Compress
'@

$folder = Join-Path ([System.IO.Path]::GetTempPath()) ('pinads-upload-bench-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $folder | Out-Null
$childScript = Join-Path $folder 'child.ps1'
Set-Content -Path $childScript -Value $child
$savedState = $env:PINTEREST_ADS_STATE_DIRECTORY
$env:PINTEREST_ADS_STATE_DIRECTORY = Join-Path $folder 'state'
$server = Start-PinTestServer
try {
    $token = $server.IssueAccessToken()
    $headers = @{ Authorization = "Bearer $token" }

    function Send-WithModule([string] $Path) {
        $json = & (Get-BenchPwshPath) -NoProfile -NonInteractive -File $childScript $ModuleManifest $server.BaseUri.ToString() $server.ClientId $token $Path $warmUpPath
        $result = $json | Select-Object -Last 1 | ConvertFrom-Json
        if ($result.Status -notin 'registered', 'processing', 'succeeded') { throw "Send-PinMedia did not upload ${Path}: $json" }
        $result
    }

    function Send-WithCurl([string] $Path) {
        $registration = Invoke-RestMethod -Method Post -Uri "$($server.BaseUri)/media" -Headers $headers -ContentType 'application/json' -Body '{"media_type":"video"}'
        $form = foreach ($field in $registration.upload_parameters.PSObject.Properties) { '-F'; "$($field.Name)=$($field.Value)" }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $status = & curl -s -o /dev/null -w '%{http_code}' -H 'Expect:' @form -F "file=@$Path;type=video/mp4" $registration.upload_url
        $seconds = $clock.Elapsed.TotalSeconds
        if ($status -notmatch '^2') { throw "curl's upload of $Path got HTTP $status" }
        [pscustomobject]@{ Seconds = $seconds }
    }

    $warmUpPath = Join-Path $folder 'warm-up.mp4'
    [System.IO.File]::WriteAllBytes($warmUpPath, [byte[]](0, 0, 0, 24) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom') + [byte[]]::new(64KB))

    $rows = foreach ($size in $SizeMB) {
        $path = Join-Path $folder "video-$size.mp4"
        $stream = [System.IO.File]::Create($path)
        $header = [byte[]](0, 0, 0, 24) + [System.Text.Encoding]::ASCII.GetBytes('ftypisom')
        $stream.Write($header, 0, $header.Length)
        $stream.SetLength([long]$size * 1MB)
        $stream.Dispose()

        $null = Send-WithCurl $path   # warm the page cache and the fake's listener
        $module = [System.Collections.Generic.List[double]]::new()
        $curl = [System.Collections.Generic.List[double]]::new()
        $growth = [System.Collections.Generic.List[double]]::new()
        foreach ($run in 1..$Runs) {
            $order = if ($run % 2) { 'module', 'curl' } else { 'curl', 'module' }
            foreach ($variant in $order) {
                if ($variant -eq 'curl') { $curl.Add((Send-WithCurl $path).Seconds) }
                else {
                    $result = Send-WithModule $path
                    $module.Add($result.Seconds)
                    $growth.Add($result.GrowthMB)
                }
            }
        }
        Remove-Item $path
        $moduleMedian = Get-Median $module.ToArray()
        $curlMedian = Get-Median $curl.ToArray()
        [pscustomobject]@{
            SizeMB        = $size
            CurlSeconds   = [Math]::Round($curlMedian, 2)
            ModuleSeconds = [Math]::Round($moduleMedian, 2)
            Ratio         = [Math]::Round($moduleMedian / $curlMedian, 2)
            CurlMBps      = [Math]::Round($size / $curlMedian)
            ModuleMBps    = [Math]::Round($size / $moduleMedian)
            PeakGrowthMB  = [Math]::Round((Get-Median $growth.ToArray()), 1)
            Runs          = "curl $(($curl | ForEach-Object { [Math]::Round($_, 2) }) -join ', '); module $(($module | ForEach-Object { [Math]::Round($_, 2) }) -join ', ')"
        }
    }
}
finally {
    $server | Stop-PinTestServer
    Remove-Item $folder -Recurse -Force -ErrorAction Ignore
    $env:PINTEREST_ADS_STATE_DIRECTORY = $savedState
}

$load = (Get-Content /proc/loadavg -ErrorAction Ignore) -split ' ' | Select-Object -First 1
$rows
@(
    '## Video upload: Send-PinMedia vs curl -F'
    ''
    "``bench/Upload.Bench.ps1 -ModuleManifest <module> -SizeMB $($SizeMB -join ',') -Runs $Runs``: one sparse MP4 file per size sent to the"
    "fake's upload host (loopback) by Send-PinMedia -NoWait in a fresh pwsh (after one 64 kB upload that compiles the upload"
    "path), and by ``curl -F`` with the same form fields before the file. The module's time includes registering the video"
    "(POST /media); curl's registration is made before its clock starts. Peak growth is the uploading pwsh process's peak"
    "resident set during the call (reset just before it through /proc/self/clear_refs) minus its resident set at the start."
    "Load average at the end: $load."
    ''
    '| File | curl (s) | Send-PinMedia (s) | vs curl | curl (MB/s) | Send-PinMedia (MB/s) | peak working-set growth (MB) | runs (s) |'
    '|---|---:|---:|---:|---:|---:|---:|---|'
    foreach ($row in $rows) { "| $($row.SizeMB) MB | $($row.CurlSeconds) | $($row.ModuleSeconds) | $($row.Ratio)x | $($row.CurlMBps) | $($row.ModuleMBps) | $($row.PeakGrowthMB) | $($row.Runs) |" }
    ''
    "Medians of $Runs runs, the two variants alternating in order run by run. Goals: within 1.2x of curl, and a growth under"
    '64 MB that does not rise with the file size (the file is streamed from disk, never held).'
) -join "`n"
