# ExtractReports entry point on Windows: a thin mirror of run.sh (which is the tested one; PowerShell
# cannot be installed on the project's Linux machines, so this file is kept simple and untested).
#   .\run.ps1 extract corpus [--out out] [--shard i/n] [-j N] [--ocr-jobs N] [--rebuild] [--excel]   extract reports into out\
#   .\run.ps1 crawl sources.csv --out out     fetch agencies' new reports and extract them into out\
#   .\run.ps1 merge out-0 out-1 --out all     combine the folders of `extract --shard i/n` runs
#   .\run.ps1 eval out --truth corpus         score out\ against the truth files under corpus\
#   .\run.ps1 test                            build and run the test suite
#   .\run.ps1 bench [name]                    run the benchmarks (`bench batch`: 1,000 and 10,000 documents)
# Every other command and option is passed to the program as it is (`.\run.ps1 help` lists them).
# Native engines on Windows: install poppler (pdftotext, pdftoppm on PATH) and Tesseract 5 with chi_sim
# (e.g. the UB Mannheim build; its folder holds tesseract*.dll and leptonica*.dll); set TESSDATA_PREFIX if
# chi_sim.traineddata is not found. The program reports a clear error when an engine is missing.
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$config = "Release"
$cli = "src/ExtractReports.Cli/bin/$config/net10.0/ExtractReports.Cli.dll"
# Touched after every successful build, as in run.sh.
$stamp = "src/ExtractReports.Cli/bin/$config/net10.0/.built"
$cmd = if ($args.Count -gt 0) { $args[0] } else { "help" }
$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }

function Build {
  dotnet build ExtractReports.sln -c $config -v q --nologo -clp:ErrorsOnly
  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
  if (Test-Path $stamp) { (Get-Item $stamp).LastWriteTimeUtc = [DateTime]::UtcNow } else { New-Item -ItemType File $stamp | Out-Null }
}

# As run.sh: the build check costs seconds even when nothing changed, most of an unchanged nightly
# rerun, so it is skipped when the last build is newer than every source, project and model file.
function Build-IfStale {
  if ((Test-Path $cli) -and (Test-Path $stamp)) {
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $newer = Get-ChildItem -Path src, models, ExtractReports.sln -Recurse -File -Include *.cs, *.csproj, *.props, *.csv, *.json, *.sln |
      Where-Object { $_.FullName -notmatch '[\\/](obj|bin)[\\/]' -and $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1
    if (-not $newer) { return }
  }
  Build
}

switch ($cmd) {
  { $_ -in "extract", "crawl" } {
    Build-IfStale
    if (-not ($rest -contains "--out" -or $rest -contains "-o")) { $rest += @("--out", "out") }
    dotnet $cli $cmd @rest; exit $LASTEXITCODE
  }
  "eval"  { Build; dotnet $cli eval @rest; exit $LASTEXITCODE }
  "test"  { dotnet test ExtractReports.sln -c $config --nologo; exit $LASTEXITCODE }
  "bench" { dotnet run --project tests/ExtractReports.Benchmarks -c $config -- @rest; exit $LASTEXITCODE }
  "help"  { Get-Content $PSCommandPath -TotalCount 9 | Select-Object -Skip 1 | ForEach-Object { $_ -replace '^# ?', '' }; Build; dotnet $cli --help; exit $LASTEXITCODE }
  default { Build-IfStale; dotnet $cli $cmd @rest; exit $LASTEXITCODE }
}
