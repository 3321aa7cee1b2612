using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Features.Operations;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>A valid access token per store. Refreshes ahead of expiry, and once after Tray rejects a token (401
/// 1000/1099), under a PostgreSQL advisory lock per store: two replicas never refresh at once, and the one that waited
/// re-reads what the other stored. When the refresh token no longer works, the stored code is exchanged again before
/// the store is flagged for re-authorisation.</summary>
public sealed class StoreTokenProvider(IDocumentStore documents, NpgsqlDataSource dataSource, StoreSecrets secrets, TrayAuthClient auth,
    StoreOperations operations, IOptions<TraySettings> options, TimeProvider time, ILogger<StoreTokenProvider> logger, StoreActivityLog activity)
{
    private readonly TraySettings _settings = options.Value;

    public async Task<StoreAccess> GetAsync(string tenantId, string storeId, CancellationToken cancellationToken)
    {
        var store = await LoadAsync(tenantId, storeId, cancellationToken);
        return store.AccessExpiresAt - time.GetUtcNow() > _settings.RefreshMargin
            ? Access(tenantId, store)
            : await RefreshAsync(tenantId, storeId, rejectedToken: null, cancellationToken);
    }

    /// <summary>Tray refused <paramref name="rejectedToken"/>: refresh, unless another caller already replaced it.</summary>
    public Task<StoreAccess> RefreshAfterRejectionAsync(string tenantId, string storeId, string rejectedToken, CancellationToken cancellationToken) =>
        RefreshAsync(tenantId, storeId, rejectedToken, cancellationToken);

    /// <summary>Tray answered 1001–1003: record why, and stop the store's work until someone acts.</summary>
    public async Task MarkUnavailableAsync(string tenantId, string storeId, TrayApiException rejection, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenantId);
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not { } store) return;
        store.Status = rejection.ErrorCode switch { 1001 => StoreStatus.Blocked, 1002 => StoreStatus.Inactive, _ => StoreStatus.Cancelled };
        store.StatusReason = $"A Tray recusou o acesso à loja: {string.Join("; ", rejection.Causes.DefaultIfEmpty(rejection.Name))}";
        store.StatusSince = time.GetUtcNow();
        session.Store(store);
        activity.Record(session, new ActivityLine(store.Id, StoreActivityKinds.Token, StoreActivityResults.Error, store.StatusReason));
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<StoreAccess> RefreshAsync(string tenantId, string storeId, string? rejectedToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", connection))
        {
            lockCommand.Parameters.Add(new() { Value = $"tray-token:{tenantId}:{storeId}" });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var store = await LoadAsync(tenantId, storeId, cancellationToken);
            var current = secrets.Unprotect(store.ProtectedAccessToken);
            var stillValid = store.AccessExpiresAt - time.GetUtcNow() > _settings.RefreshMargin;
            if (rejectedToken is null ? stillValid : current != rejectedToken) return Access(tenantId, store); // someone else refreshed
            var tokens = await RenewAsync(tenantId, store, cancellationToken);
            await using var session = documents.LightweightSession(tenantId);
            secrets.Apply(store, tokens, time.GetUtcNow());
            session.Store(store);
            // Never the token itself: only that it changed, and until when the new one is good.
            activity.Record(session, new ActivityLine(store.Id, StoreActivityKinds.Token, StoreActivityResults.Ok,
                $"Token de acesso renovado (válido até {TrayProblems.SaoPaulo(store.AccessExpiresAt)})."));
            await session.SaveChangesAsync(cancellationToken);
            return Access(tenantId, store);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<TrayTokens> RenewAsync(string tenantId, TrayStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await auth.RefreshAsync(store.ApiHost, AuthCall(store), secrets.Unprotect(store.ProtectedRefreshToken), cancellationToken);
        }
        catch (TrayApiException refreshRefused) when (!refreshRefused.StoreUnavailable)
        {
            logger.LogWarning("Tray store {StoreId}: refresh refused ({Reason}); exchanging the stored code again", store.Id, refreshRefused.Name);
            try
            {
                return await auth.ExchangeCodeAsync(store.ApiHost, AuthCall(store), _settings.ConsumerKey, _settings.ConsumerSecret,
                    secrets.Unprotect(store.ProtectedCode), cancellationToken);
            }
            catch (TrayApiException codeRefused) when (!codeRefused.StoreUnavailable)
            {
                await FlagForReauthorizationAsync(tenantId, store, codeRefused, cancellationToken);
                throw new StoreUnavailableException(store.Id, "o lojista precisa autorizar o aplicativo de novo na Tray (novo code)");
            }
        }
        catch (TrayApiException unavailable)
        {
            await MarkUnavailableAsync(tenantId, store.Id, unavailable, cancellationToken);
            throw new StoreUnavailableException(store.Id, string.Join("; ", unavailable.Causes.DefaultIfEmpty(unavailable.Name)));
        }
    }

    private async Task FlagForReauthorizationAsync(string tenantId, TrayStore store, TrayApiException cause, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenantId);
        store.Status = StoreStatus.NeedsReauthorization;
        store.StatusReason = $"A Tray recusou o refresh token e o code guardado: {string.Join("; ", cause.Causes.DefaultIfEmpty(cause.Name))}";
        store.StatusSince = time.GetUtcNow();
        session.Store(store);
        activity.Record(session, new ActivityLine(store.Id, StoreActivityKinds.Token, StoreActivityResults.Error, store.StatusReason));
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<TrayStore> LoadAsync(string tenantId, string storeId, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenantId);
        var store = await session.LoadAsync<TrayStore>(storeId, cancellationToken)
            ?? throw new StoreUnavailableException(storeId, "loja não cadastrada nesta conta", notRegistered: true);
        if (store.Status != StoreStatus.Connected) throw new StoreUnavailableException(storeId, store.StatusReason ?? store.Status.ToString());
        // Every Tray call starts here (a token refresh too): a store the operation disabled makes none, and the operation's
        // plan (issue 15) is the budget every call of the store spends.
        if (await operations.EnsureEnabledAsync(Tray.StoreHost.Of(store.ApiAddress), storeId, cancellationToken) is { DailyCalls: { } plan })
            store.DailyLimit = plan;
        return store;
    }

    private StoreAccess Access(string tenantId, TrayStore store) =>
        new(tenantId, store.Id, store.ApiHost, secrets.Unprotect(store.ProtectedAccessToken), store.DailyLimit, Tray.StoreHost.Of(store.ApiAddress));

    /// <summary>Without a token nothing else can happen: auth calls go first in the day's budget.</summary>
    private static TrayCall AuthCall(TrayStore store) => new(Tray.StoreHost.Of(store.ApiAddress), store.Id, store.DailyLimit, TrayPriority.InvoiceAndStatus);
}
