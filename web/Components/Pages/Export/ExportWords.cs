using TrayBridge.Api.Catalog;

namespace TrayBridge.Web.Components.Pages.Export;

/// <summary>The words and colours of the export screens: a product's situation on a store (the seed's cards) and an export
/// item's state, always as text with a tone (colour never says it alone).</summary>
public static class ExportWords
{
    public static string SituationLabel(string? situation) =>
        situation is not null && ProductSituations.Labels.TryGetValue(situation, out var label) ? label : "—";

    public static string SituationTone(string? situation) => situation switch
    {
        ProductSituations.Integrado => "ok",
        ProductSituations.Erro => "error",
        ProductSituations.Desatualizado => "warn",
        _ => "neutral",
    };

    public static (string Label, string Tone) ItemState(string state) => state switch
    {
        ExportItemStates.Exported => ("Integrado", "ok"),
        ExportItemStates.Failed => ("Erro", "error"),
        _ => ("Enviando…", "neutral"),
    };

    public static string StatusText(ExportProgress progress) => progress.Status switch
    {
        ExportStatuses.Completed => $"Concluída: {Count(progress.Integrated, "produto integrado", "produtos integrados")}.",
        ExportStatuses.CompletedWithErrors =>
            $"Concluída com erros: {Count(progress.Integrated, "produto integrado", "produtos integrados")}, {Count(progress.Failed, "com erro", "com erro")}.",
        _ => $"Em andamento: {Count(progress.Pending, "produto aguardando", "produtos aguardando")} a Tray.",
    };

    public static IReadOnlyList<Shared.SituationCard> Cards(IReadOnlyDictionary<string, long>? counts) =>
        ProductSituations.Labels.Select(s => new Shared.SituationCard(s.Key, s.Value,
            (int)(counts?.GetValueOrDefault(s.Value) ?? 0), SituationTone(s.Key))).ToList();

    private static string Count(int count, string singular, string plural) => Formatting.Br.Count(count, singular, plural);
}
