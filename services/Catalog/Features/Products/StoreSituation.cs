using TrayBridge.Api.Catalog;
using TrayBridge.ServiceDefaults.Text;
using TrayBridge.Catalog.Domain;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>A product's situation on one store, as the seed names it. <see cref="Of"/> (per row) and <see cref="SqlCondition"/>
/// (the list filter) must say the same thing: no link is "Não integrado", a failed newest attempt is "Erro", and an exported
/// version older than the product's is "Desatualizado".</summary>
public static class StoreSituation
{
    public const string Integrado = ProductSituations.Integrado, NaoIntegrado = ProductSituations.NaoIntegrado,
        Erro = ProductSituations.Erro, Desatualizado = ProductSituations.Desatualizado;

    public static string Of(Product product, ProductLink? link) => link switch
    {
        null => NaoIntegrado,
        { Status: ProductLink.Failed } => Erro,
        { ExportedVersion: { } exported } when exported >= product.Version => Integrado,
        _ => Desatualizado,
    };

    /// <summary>The situation a user typed ("Não integrado", "nao-integrado", "Integrado"…), or null when it is none of them.</summary>
    public static string? Parse(string value) =>
        new string(TextFolding.Fold(value).Where(char.IsAsciiLetter).ToArray()) switch
        {
            "integrado" => Integrado,
            "naointegrado" => NaoIntegrado,
            "erro" => Erro,
            "desatualizado" => Desatualizado,
            _ => null,
        };

    /// <summary>The filter over product <c>d</c> left-joined to its link <c>l</c> on the store (JSON names as Marten stores them).</summary>
    public static string SqlCondition(string situation) => situation switch
    {
        NaoIntegrado => "l.id is null",
        Erro => $"l.data->>'Status' = '{ProductLink.Failed}'",
        Integrado => $"l.data->>'Status' = '{ProductLink.Exported}' and (l.data->>'ExportedVersion')::bigint >= (d.data->>'Version')::bigint",
        Desatualizado => $"l.data->>'Status' = '{ProductLink.Exported}' and (l.data->>'ExportedVersion')::bigint < (d.data->>'Version')::bigint",
        _ => throw new ArgumentOutOfRangeException(nameof(situation), situation, null),
    };
}
