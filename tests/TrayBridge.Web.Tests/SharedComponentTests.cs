using Bunit;
using TrayBridge.Web.Components.Shared;

namespace TrayBridge.Web.Tests;

public sealed class SharedComponentTests : BunitContext
{
    private static readonly SituationCard[] Cards =
    [
        new("Integrado", "Integrado", 12, "ok"), new("Não integrado", "Não integrado", 3), new("Erro", "Erro", 1, "error"),
    ];

    [Fact]
    public void Each_card_shows_its_count_and_links_to_the_list_filtered_by_it()
    {
        var cut = Render<SituationCards>(p => p.Add(c => c.Cards, Cards).Add(c => c.HrefFor, s => $"/lista?situacao={s}"));

        var links = cut.FindAll("a.card");
        Assert.Equal(["12 Integrado", "3 Não integrado", "1 Erro"], links.Select(a => a.TextContent.Trim().Replace("\n", " ")).Select(Squash));
        Assert.Equal("/lista?situacao=Erro", links[2].GetAttribute("href"));
        Assert.DoesNotContain(links, a => a.HasAttribute("aria-current"));
    }

    [Fact]
    public void The_card_of_the_current_filter_is_marked_and_a_click_on_it_clears_the_filter()
    {
        var cut = Render<SituationCards>(p => p.Add(c => c.Cards, Cards).Add(c => c.Selected, "Erro")
            .Add(c => c.HrefFor, s => s is null ? "/lista" : $"/lista?situacao={s}"));

        var selected = Assert.Single(cut.FindAll("a.card[aria-current=true]"));
        Assert.Contains("Erro", selected.TextContent);
        Assert.Equal("/lista", selected.GetAttribute("href"));
        Assert.Equal("/lista?situacao=Integrado", cut.FindAll("a.card")[0].GetAttribute("href"));
    }

    [Theory]
    [InlineData(3, 10, "3 de 10", false)]
    [InlineData(10, 10, "10 de 10", true)]
    [InlineData(0, 0, "0 de 0", false)]
    public void Progress_says_n_of_N_and_when_it_is_done(int done, int total, string text, bool finished)
    {
        var cut = Render<Progress>(p => p.Add(c => c.Label, "Exportação").Add(c => c.Done, done).Add(c => c.Total, total));

        Assert.Equal(text, cut.Find(".progress-count").TextContent);
        Assert.Equal(finished, cut.Find(".progress-text").TextContent.Contains("concluído"));
        Assert.Equal(done.ToString(), cut.Find("progress").GetAttribute("value"));
    }

    [Fact]
    public void The_pager_counts_pages_and_offers_only_the_pages_that_exist()
    {
        var cut = Render<Pager>(p => p.Add(c => c.Page, 1).Add(c => c.PageSize, 25).Add(c => c.Total, 51)
            .Add(c => c.ItemSingular, "pedido").Add(c => c.ItemPlural, "pedidos").Add(c => c.HrefFor, n => $"?pagina={n}"));

        Assert.Contains("Página 1 de 3 (51 pedidos)", Squash(cut.Find("nav.pager").TextContent));
        Assert.Empty(cut.FindAll("a[rel=prev]"));
        Assert.Equal("?pagina=2", cut.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void One_page_shows_only_the_count()
    {
        var cut = Render<Pager>(p => p.Add(c => c.Total, 1).Add(c => c.ItemSingular, "pedido").Add(c => c.ItemPlural, "pedidos")
            .Add(c => c.HrefFor, n => $"?pagina={n}"));

        Assert.Equal("1 pedido", cut.Find("p.pager").TextContent.Trim());
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
