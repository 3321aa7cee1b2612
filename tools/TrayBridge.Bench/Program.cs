using TrayBridge.Bench;

return await BenchRun.RunAsync(args);
