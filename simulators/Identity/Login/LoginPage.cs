using System.Text.Encodings.Web;

namespace TrayBridge.IdentitySimulator.Login;

/// <summary>The login page: plain HTML, no script, no CDN. Labels tied to their fields, the error announced
/// (role="alert") and tied to the fields it concerns, a focus outline that shows, text at AA contrast or better.</summary>
public static class LoginPage
{
    public static string Render(string email, string returnUrl, string antiforgeryField, string antiforgeryToken, bool failed)
    {
        var e = HtmlEncoder.Default;
        var error = failed
            ? """<p id="erro" class="erro" role="alert">E-mail ou senha inválidos.</p>"""
            : "";
        var describedBy = failed ? """ aria-describedby="erro" aria-invalid="true" """ : " ";
        var autofocus = failed ? "" : " autofocus";
        return Page("Entrar no TrayBridge", $"""
            <h1>Entrar no TrayBridge</h1>
            {error}
            <form method="post" action="/account/login" novalidate>
              <input type="hidden" name="{e.Encode(antiforgeryField)}" value="{e.Encode(antiforgeryToken)}">
              <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}">
              <label for="email">E-mail</label>
              <input id="email" name="email" type="email" autocomplete="username" required value="{e.Encode(email)}"{describedBy}{autofocus}>
              <label for="password">Senha</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required{describedBy}>
              <button type="submit">Entrar</button>
            </form>
            """);
    }

    public static string LoggedOut() => Page("Você saiu do TrayBridge", """
        <h1>Você saiu do TrayBridge</h1>
        <p>Sua sessão foi encerrada.</p>
        """);

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="pt-BR">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}}</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1b1d21; margin: 0; }
            main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; border: 1px solid #c9ccd1; }
            h1 { font-size: 1.5rem; margin-top: 0; }
            label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
            input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #5f6368; border-radius: .25rem; color: #1b1d21; }
            button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; font-weight: 600; color: #fff; background: #0b4f9c; border: 0; border-radius: .25rem; cursor: pointer; }
            button:hover { background: #083b75; }
            :focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
            .erro { color: #a50e0e; background: #fdecea; border: 1px solid #a50e0e; padding: .6rem; border-radius: .25rem; }
          </style>
        </head>
        <body>
          <main>
        {{body}}
          </main>
        </body>
        </html>
        """;
}
