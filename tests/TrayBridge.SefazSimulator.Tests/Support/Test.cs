namespace TrayBridge.SefazSimulator.Tests.Support;

public static class Test
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
