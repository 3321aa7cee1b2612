# `test`: every test project against the real servers; the closing line is counted from the runners' TRX results,
# and a test host that crashed (no results, or a failing exit with no failed test recorded) counts as a failure.

function Get-TrxCounts([string]$Directory) {
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0; Failures = @() }
    foreach ($file in Get-ChildItem $Directory -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        [xml]$trx = Get-Content $file.FullName -Raw
        foreach ($result in $trx.TestRun.Results.UnitTestResult) {
            switch ($result.outcome) {
                'Passed' { $counts.Passed++ }
                'NotExecuted' { $counts.Skipped++ }
                default {
                    $counts.Failed++
                    $message = "$($result.Output.ErrorInfo.Message)".Trim() -split "`n" | Select-Object -First 3
                    $counts.Failures += "  FAILED $($result.testName)`n    $($message -join "`n    ")"
                }
            }
        }
    }
    return $counts
}

# The servers the tests (and the benchmark, which starts the system as they do) run against.
function Set-TestServers($Infra) {
    $env:TEST_POSTGRES = "$($Infra.Postgres);Database=postgres"
    $env:TEST_RABBITMQ = $Infra.Rabbit
    $env:TEST_RABBITMQ_MANAGEMENT = $Infra.RabbitManagement
}

function Invoke-AllTests($Infra) {
    Set-TestServers $Infra
    $resultsRoot = Join-Path $Root 'artifacts/test-results'
    Remove-Item $resultsRoot -Recurse -Force -ErrorAction SilentlyContinue
    $total = @{ Passed = 0; Failed = 0; Skipped = 0; Failures = @() }
    $projects = Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter *.csproj | Where-Object { $_.BaseName -match '\.(Tests|IntegrationTests|EndToEndTests|UiTests)$' }
    foreach ($project in $projects) {
        Write-Host "==> $($project.BaseName)" -ForegroundColor Cyan
        $results = Join-Path $resultsRoot $project.BaseName
        dotnet test --project $project.FullName --no-build --results-directory $results --report-xunit-trx | Out-Host
        $exit = $LASTEXITCODE
        $counts = Get-TrxCounts $results
        if ($exit -ne 0 -and $counts.Failed -eq 0) {
            Write-Host "$($project.BaseName): the test host failed (exit $exit) without a failed test: counted as one failure." -ForegroundColor Red
            $counts.Failed++
            $counts.Failures += "  CRASHED $($project.BaseName) (exit $exit)"
        }
        foreach ($k in @('Passed', 'Failed', 'Skipped', 'Failures')) { $total[$k] += $counts[$k] }
    }
    # The runners' own output is long (hosts' logs of failed tests); the failures are repeated here, next to the count.
    foreach ($failure in $total.Failures) { Write-Host $failure -ForegroundColor Red }
    Write-Host "Tests: $($total.Passed) passed, $($total.Failed) failed, $($total.Skipped) skipped"
    return [int]($total.Failed -gt 0)
}
