using TrayBridge.Bench;

return args is ["screens", ..] ? await ScreensStandalone.RunAsync(args) : await BenchRun.RunAsync(args);
