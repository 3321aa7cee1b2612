using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TrayBridge.TestSupport;

namespace TrayBridge.UiTests;

/// <summary>What every test does on each screen it visits: an accessibility check (axe: no serious or critical issue) and a
/// screenshot into <c>artifacts/ui/</c> for people to look at.</summary>
public static class Screens
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryLayout.Root, "artifacts", "ui")).FullName;

    /// <summary><c>build.ps1 screenshots</c> sets it: the screens the README shows are written there too (docs/screenshots).</summary>
    private static readonly string? DocsFolder = Environment.GetEnvironmentVariable("TRAYBRIDGE_SCREENSHOTS_DIR") is { Length: > 0 } docs
        ? Directory.CreateDirectory(docs).FullName : null;

    /// <param name="docName">The file name in docs/screenshots, for the screens the README shows.</param>
    public static async Task CheckAsync(IPage page, string name, string? docName = null)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
        if (DocsFolder is not null && docName is not null)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsFolder, docName + ".png") });
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility issues on {name} ({page.Url}):\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- [{violation.Impact}] {violation.Id}: {violation.Help} — " +
        string.Join("; ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()));
}
