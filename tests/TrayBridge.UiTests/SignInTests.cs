using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrayBridge.UiTests;

/// <summary>Real OpenID Connect: the panel sends a stranger to the identity provider, takes the user back with a session of
/// the user's tenant, and sign-out ends both the panel's session and the identity provider's.</summary>
public sealed class SignInTests(PanelSystem panel)
{
    [Fact]
    public async Task A_user_signs_in_through_the_identity_provider_sees_the_first_step_and_signs_out_for_good()
    {
        var user = await panel.NewTenantUserAsync("entrar");
        var page = await panel.NewPageAsync();
        // A stranger is sent to the identity provider's page, which is held to the same accessibility bar.
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("Senha")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "00-entrar");

        await panel.SignInAsync(page, user);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Início", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nenhuma loja virtual cadastrada.")).ToBeVisibleAsync();
        await Expect(page.Locator(".tenant")).ToContainTextAsync(user.TenantId);
        // The TRAY menu waits for a store, as in the seed.
        await Expect(page.Locator(".nav .tray .disabled").First).ToHaveTextAsync("Importar Pedidos");
        await Screens.CheckAsync(page, "00-inicio-sem-loja");

        var cookies = await page.Context.CookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sair" }).ClickAsync();
        // Both sessions ended: back at the panel, the browser is asked to sign in again.
        await Expect(page.GetByLabel("Senha")).ToBeVisibleAsync();
        Assert.StartsWith(panel.System.Identity.BaseAddress.ToString(), page.Url);

        // The old session is over: replayed, its cookies get no page, only the way to sign in again.
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = panel.PanelUrl };
        replay.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        var response = await replay.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(panel.System.Identity.BaseAddress.ToString(), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_access_token_is_refreshed_before_it_expires_and_the_session_goes_on()
    {
        var user = await panel.NewTenantUserAsync("renovar");
        var page = await panel.NewPageAsync();
        await panel.SignInAsync(page, user);
        var refreshes = Refreshes();

        // The system's tokens live 75 s and the panel renews them a minute ahead: 16 s in, the next page renews it.
        await Task.Delay(TimeSpan.FromSeconds(16), TestContext.Current.CancellationToken);
        await page.ReloadAsync();

        await Expect(page.GetByText("Nenhuma loja virtual cadastrada.")).ToBeVisibleAsync(); // the API answered with the new token
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        // The host's output reaches its log file a moment later.
        for (var i = 0; i < 50 && Refreshes() <= refreshes; i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(Refreshes() > refreshes, "The panel did not refresh the access token:\n" + string.Join('\n',
            File.ReadLines(panel.System.LogFile("web")).Where(l => l.Contains("token", StringComparison.OrdinalIgnoreCase)).TakeLast(10)));
    }

    private int Refreshes() => File.Exists(panel.System.LogFile("web"))
        ? System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(panel.System.LogFile("web")), "Access token refreshed").Count : 0;

    [Fact]
    public async Task The_panel_is_usable_at_a_phone_width()
    {
        var user = await panel.NewTenantUserAsync("celular");
        var page = await panel.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });

        await panel.SignInAsync(page, user);

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" })
            .GetByRole(AriaRole.Link, new() { Name = "Cadastros Auxiliares › Lojas Virtuais" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways at a phone's width.");
        await Screens.CheckAsync(page, "00-inicio-celular");
    }
}
