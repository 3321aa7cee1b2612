using System.Text.Json;
using Marten;
using TrayBridge.Api.Catalog;

namespace TrayBridge.Catalog.Features.Products;

/// <summary>The product list's cards: how many products of the filtered list (description, not situation) are in each situation
/// on the store, like the order list's <c>situations</c>. One query, counting with <see cref="StoreSituation.SqlCondition"/> so
/// a card and its filter can never disagree.</summary>
internal static class SituationCounts
{
    private static IReadOnlyDictionary<string, string> Labels => ProductSituations.Labels;

    /// <summary><paramref name="from"/> is the list's <c>from … where …</c> over product <c>d</c> left-joined to link <c>l</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(IQuerySession session, (string Sql, object[] Parameters) from,
        CancellationToken cancellationToken)
    {
        var pairs = string.Join(", ", Labels.Keys.Select(s => $"'{s}', count(*) filter (where {StoreSituation.SqlCondition(s)})"));
        var json = (await session.QueryAsync<string>($"select jsonb_build_object({pairs})::text {from.Sql}", cancellationToken,
            from.Parameters)).Single();
        var counts = JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [];
        return Labels.ToDictionary(l => l.Value, l => counts.GetValueOrDefault(l.Key));
    }
}
