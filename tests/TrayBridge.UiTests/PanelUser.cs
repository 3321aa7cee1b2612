using Microsoft.Playwright;
using TrayBridge.TestSupport;

namespace TrayBridge.UiTests;

/// <summary>What a person does to get into the panel: opens it, is sent to the identity provider's page, types e-mail and
/// password, and lands back on the page asked for.</summary>
public static class PanelUser
{
    public static async Task SignInAsync(this PanelSystem panel, IPage page, IdentityUserCredentials user, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail").FillAsync(user.Email);
        await page.GetByLabel("Senha").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(panel.PanelUrl.ToString(), StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sair" })).ToBeVisibleAsync();
    }

    /// <summary>A tenant of the test's own, with an admin user on the identity provider.</summary>
    public static Task<IdentityUserCredentials> NewTenantUserAsync(this PanelSystem panel, string prefix) =>
        panel.System.CreateUserAsync($"{prefix}-{Guid.NewGuid():N}"[..24], "admin");
}
