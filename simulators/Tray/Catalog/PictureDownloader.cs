using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary>
/// Tray fetches <c>picture_source_N</c> URLs itself, asynchronously, and accepts only JPG/PNG up to 350 KB
/// (tray-api.md §3.5). The simulator really downloads them and records what it got, failures included.
/// </summary>
public sealed class PictureDownloader(IHttpClientFactory http, ILogger<PictureDownloader> logger) : BackgroundService
{
    public const int MaxBytes = 350 * 1024;
    private static readonly string[] Accepted = ["image/jpeg", "image/jpg", "image/png"];

    private readonly Channel<PictureDownload> _pending = Channel.CreateUnbounded<PictureDownload>();
    private readonly ConcurrentQueue<PictureDownload> _all = new();

    public void Enqueue(string storeId, string owner, long ownerId, int slot, string url)
    {
        var download = new PictureDownload(storeId, owner, ownerId, slot, url);
        _all.Enqueue(download);
        _pending.Writer.TryWrite(download);
    }

    public IReadOnlyList<PictureDownload> For(string storeId) => _all.Where(d => d.StoreId == storeId).ToList();

    /// <summary>Whether the store holds the picture at this address (it was downloaded successfully).</summary>
    public bool IsStored(string storeId, string url) =>
        _all.Any(d => d.StoreId == storeId && d.Url == url && d.Status == PictureStatus.Downloaded);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = http.CreateClient(nameof(PictureDownloader));
        await foreach (var download in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var response = await client.GetAsync(download.Url, stoppingToken);
                var bytes = await response.Content.ReadAsByteArrayAsync(stoppingToken);
                var type = response.Content.Headers.ContentType?.MediaType ?? "";
                download.Complete(bytes.Length, type, Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    !response.IsSuccessStatusCode ? $"HTTP {(int)response.StatusCode}"
                    : !Accepted.Contains(type, StringComparer.OrdinalIgnoreCase) ? $"not JPG or PNG ({type})"
                    : bytes.Length > MaxBytes ? "larger than 350 KB" : null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                logger.LogInformation("Picture {Url} could not be downloaded: {Error}", download.Url, e.Message);
                download.Complete(0, "", "", e.Message);
            }
        }
    }
}

public enum PictureStatus { Pending, Downloaded, Failed }

/// <summary>One download of a picture slot of a product or variant.</summary>
public sealed class PictureDownload(string storeId, string owner, long ownerId, int slot, string url)
{
    public string StoreId { get; } = storeId;
    public string Owner { get; } = owner;
    public long OwnerId { get; } = ownerId;
    public int Slot { get; } = slot;
    public string Url { get; } = url;
    public PictureStatus Status { get; private set; } = PictureStatus.Pending;
    public long Size { get; private set; }
    public string? ContentType { get; private set; }
    public string? Sha256 { get; private set; }
    public string? Error { get; private set; }

    public void Complete(long size, string contentType, string sha256, string? error)
    {
        (Size, ContentType, Sha256, Error) = (size, contentType, sha256, error);
        Status = error is null ? PictureStatus.Downloaded : PictureStatus.Failed;
    }
}
