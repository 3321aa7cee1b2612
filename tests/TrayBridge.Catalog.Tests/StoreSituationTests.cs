using TrayBridge.ServiceDefaults.Text;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Products;

namespace TrayBridge.Catalog.Tests;

public sealed class StoreSituationTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Integrado", StoreSituation.Integrado)]
    [InlineData("Não integrado", StoreSituation.NaoIntegrado)]
    [InlineData("NaoIntegrado", StoreSituation.NaoIntegrado)]
    [InlineData("nao-integrado", StoreSituation.NaoIntegrado)]
    [InlineData("ERRO", StoreSituation.Erro)]
    [InlineData("Desatualizado", StoreSituation.Desatualizado)]
    [InlineData("Pendente", null)]
    public void Situations_are_read_as_users_write_them(string typed, string? expected) => Assert.Equal(expected, StoreSituation.Parse(typed));

    [Fact]
    public void No_link_is_not_integrated_a_failure_is_an_error_and_an_older_export_is_outdated()
    {
        var product = new Product { Id = Guid.NewGuid(), Sku = "CAM-1", Name = "Camiseta", Version = 3 };
        var link = ProductLink.New("391250", product.Id);

        Assert.Equal(StoreSituation.NaoIntegrado, StoreSituation.Of(product, null));
        link.MarkExported(3, "77", [], At);
        Assert.Equal(StoreSituation.Integrado, StoreSituation.Of(product, link));
        product.Version = 4;
        Assert.Equal(StoreSituation.Desatualizado, StoreSituation.Of(product, link));
        link.MarkFailed(4, new LinkError("Tray refused", ["preço inválido"], false, At));
        Assert.Equal(StoreSituation.Erro, StoreSituation.Of(product, link));
    }

    [Fact]
    public void An_outcome_for_an_older_version_arriving_late_changes_nothing()
    {
        var link = ProductLink.New("391250", Guid.NewGuid());
        link.MarkFailed(5, new LinkError("Tray refused", [], true, At));

        link.MarkExported(4, "77", [new LinkedVariant(Guid.NewGuid(), "900")], At);

        Assert.Equal(ProductLink.Failed, link.Status);
        Assert.Null(link.ExportedVersion);
        Assert.Empty(link.Variants);
    }

    [Theory]
    [InlineData("Café com Leite", "cafe")]
    [InlineData("CAMISÃO", "camisao")]
    [InlineData("Pão de Açúcar", "pao de acucar")]
    public void Search_text_drops_accents_and_case(string text, string folded) => Assert.Contains(folded, TextFolding.Fold(text));
}
