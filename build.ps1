#!/usr/bin/env pwsh
# TrayBridge's one entry point, for people and CI:
#   run            infrastructure + build + every host on loopback, until Ctrl+C
#   test           infrastructure + build + every test project; closes with "Tests: N passed, N failed, N skipped"
#   bench [orders] [--quick] [--skip unthrottled|screens|budget|one-store|nfe-core]…
#                              infrastructure + Release build + the benchmark (every figure, the machine, charts) into artifacts/bench
#   up | down      infrastructure only (PostgreSQL + RabbitMQ)
#   token [--tenant <id>] [--role admin|operator|platform]   a user's access token from the running identity simulator (last line)
#   compose-env    this machine's keys and the demo's settings as `export` lines for docker compose (eval "$(…)")
#   pack           the public contracts package (with the event catalogue, docs/events) into artifacts/packages
#   events         regenerate the event catalogue (docs/events: AsyncAPI 3.0 + a readable page) from contracts/
#   screenshots    the panel's main flow in Chromium, its screens written to docs/screenshots (the README shows them)
param([Parameter(Position = 0)][string]$Command = 'run', [Parameter(ValueFromRemainingArguments)][string[]]$Rest = @())

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$RunDir = Join-Path $Root '.run'
. (Join-Path $Root 'build/Infrastructure.ps1')
. (Join-Path $Root 'build/DevTokens.ps1')
. (Join-Path $Root 'build/DemoStore.ps1')
. (Join-Path $Root 'build/Hosts.ps1')
. (Join-Path $Root 'build/Tests.ps1')

function Get-Option([string]$Name, [string]$Default) {
    for ($i = 0; $i -lt $Rest.Count - 1; $i++) {
        if ($Rest[$i] -in @("--$Name", "-$Name")) { return $Rest[$i + 1] }
    }
    return $Default
}

function Invoke-Build([string]$Configuration = 'Debug') {
    Write-Host "==> dotnet build ($Configuration)" -ForegroundColor Cyan
    dotnet build (Join-Path $Root 'TrayBridge.slnx') -c $Configuration --nologo -v quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { throw 'Build failed.' }
}

switch ($Command) {
    'up' { $null = Initialize-Infrastructure }
    'down' { Stop-Infrastructure }
    'token' { New-UserToken -Tenant (Get-Option 'tenant' 'demo') -Role (Get-Option 'role' 'admin') }
    'compose-env' { foreach ($entry in (Get-ComposeEnvironment).GetEnumerator()) { "export $($entry.Key)='$($entry.Value)'" } }
    'events' {
        dotnet run --project (Join-Path $Root 'tools/TrayBridge.EventCatalog/TrayBridge.EventCatalog.csproj') -- (Join-Path $Root 'docs/events')
        exit $LASTEXITCODE
    }
    'pack' {
        dotnet pack (Join-Path $Root 'contracts/TrayBridge.Contracts/TrayBridge.Contracts.csproj') -c Release -o (Join-Path $Root 'artifacts/packages') --nologo
        exit $LASTEXITCODE
    }
    'run' {
        $infra = Initialize-Infrastructure
        Invoke-Build
        Start-AllHosts -Infra $infra
    }
    'test' {
        $infra = Initialize-Infrastructure
        Invoke-Build
        exit (Invoke-AllTests -Infra $infra)
    }
    'bench' {
        $infra = Initialize-Infrastructure
        # Release: the figures are the optimized code's (the hosts it starts are the same configuration's build).
        Invoke-Build 'Release'
        Set-TestServers $infra
        dotnet (Join-Path $Root 'tools/TrayBridge.Bench/bin/Release/net10.0/TrayBridge.Bench.dll') @Rest
        exit $LASTEXITCODE
    }
    'screenshots' {
        $infra = Initialize-Infrastructure
        Invoke-Build
        Set-TestServers $infra
        $env:TRAYBRIDGE_SCREENSHOTS_DIR = Join-Path $Root 'docs/screenshots'
        dotnet test --project (Join-Path $Root 'tests/TrayBridge.UiTests/TrayBridge.UiTests.csproj') --no-build -- --filter-class TrayBridge.UiTests.MainFlowTests
        exit $LASTEXITCODE
    }
    default {
        Write-Host "Unknown command '$Command'. Use: run | test | bench [orders] [--quick] | up | down | token [--tenant <id>] [--role operator|platform] | pack | events | screenshots" -ForegroundColor Red
        exit 2
    }
}
