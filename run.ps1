# ExtractReports entry point on Windows: a thin mirror of run.sh (which is the tested one).
#   .\run.ps1 extract corpus [--out out]   |   .\run.ps1 eval out --truth corpus   |   .\run.ps1 test   |   .\run.ps1 bench
# Native engines on Windows: install poppler (pdftotext, pdftoppm on PATH) and Tesseract 5 with chi_sim
# (e.g. the UB Mannheim build; its folder holds tesseract*.dll and leptonica*.dll); set TESSDATA_PREFIX if
# chi_sim.traineddata is not found. The program reports a clear error when an engine is missing.
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$config = "Release"
$cli = "src/ExtractReports.Cli/bin/$config/net10.0/ExtractReports.Cli.dll"
$cmd = if ($args.Count -gt 0) { $args[0] } else { "help" }
$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }

function Build { dotnet build ExtractReports.sln -c $config -v q --nologo -clp:ErrorsOnly; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE } }

switch ($cmd) {
  "extract" {
    Build
    if (-not ($rest -contains "--out" -or $rest -contains "-o")) { $rest += @("--out", "out") }
    dotnet $cli extract @rest; exit $LASTEXITCODE
  }
  "test"  { dotnet test ExtractReports.sln -c $config --nologo; exit $LASTEXITCODE }
  "bench" { dotnet run --project tests/ExtractReports.Benchmarks -c $config -- @rest; exit $LASTEXITCODE }
  "help"  { Build; dotnet $cli --help; exit $LASTEXITCODE }
  default { Build; dotnet $cli $cmd @rest; exit $LASTEXITCODE }
}
