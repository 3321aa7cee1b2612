using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Catalog;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Products;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Catalog.Features.Images;

/// <summary>Upload a picture of a product or of one of its variations (authenticated, up to six each: Tray takes
/// <c>picture_source_1..6</c> on a product and on a variant alike), and serve it to Tray through the anonymous, signed, tenant-scoped
/// route <c>/public/catalog/images/{token}/{sha256}.{ext}</c> (an opaque token: see <see cref="SignedUrls"/>). Any other token answers 404, never a hint.</summary>
public static class ProductImagesApi
{
    public const string Purpose = "product-image";
    private const int MaxUploadBytes = ProductLimits.MaxImageBytes;

    public static void MapProductImagesApi(this WebApplication app)
    {
        app.MapPut("/api/catalog/products/{productId:guid}/images/{position:int}",
            (Guid productId, int position, HttpRequest request, IDocumentStore store, TenantContext tenant, TimeProvider time,
                CancellationToken cancellationToken) => UploadAsync(productId, null, position, request, store, tenant, time, cancellationToken))
            .WithTags("Products").WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapPut("/api/catalog/products/{productId:guid}/variations/{variationId:guid}/images/{position:int}", UploadAsync).WithTags("Products")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        app.MapGet("/public/catalog/images/{token}/{fileName}", ServeAsync).AllowAnonymous().ExcludeFromDescription();
    }

    public static string PublicPath(SignedUrls urls, string tenantId, string imageId, string sha256, string extension) =>
        $"/public/catalog/images/{urls.Sign(tenantId, Purpose, imageId)}/{sha256}.{extension}";

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UploadAsync(Guid productId, Guid? variationId, int position, HttpRequest request, IDocumentStore store,
        TenantContext tenant, TimeProvider time, CancellationToken cancellationToken)
    {
        if (position is < 1 or > ProductLimits.MaxImages)
            return Problems.Validation("position", $"A Tray aceita as fotos de 1 a {ProductLimits.MaxImages}.");
        // The size is refused before anything is buffered: by its Content-Length here, and by the route's request size
        // limit for a body that does not say (chunked).
        if (request.ContentLength > MaxUploadBytes) return TooLarge("A foto tem mais de 10 MB: envie uma foto JPG ou PNG menor.");
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge("A foto tem mais de 10 MB: envie uma foto JPG ou PNG menor.");
        }
        if (buffer.Length == 0 || ImageFormat.Detect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not { } format)
            return Unsupported("Envie uma foto JPG ou PNG de até 10 MB.");
        // Read the declared size from the header before decoding a single pixel (a decode bomb declares huge ones).
        if (TrayPictureFit.DeclaredSize(buffer.ToArray()) is not { } size)
            return Unsupported("Não foi possível ler a foto: o arquivo parece corrompido.");
        if ((long)size.Width * size.Height > TrayPictureFit.MaxPixels)
            return TooLarge($"A foto tem {size.Width}×{size.Height} pixels; o limite é {TrayPictureFit.MaxPixels / 1_000_000} megapixels.");
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<Product>(productId, cancellationToken) is not { DeletedAt: null } product)
            return SaveProduct.ProductNotFound();
        if (variationId is { } variation && product.Variations.All(v => v.Id != variation))
            return Problems.NotFound(CatalogProblemCodes.VariationNotFound, "Variação não encontrada neste produto.");
        if (TrayPictureFit.Fit(buffer.ToArray(), format.ContentType, format.Extension) is not { } picture)
            return Unsupported("Não foi possível ler a foto: o arquivo parece corrompido.");
        session.Store(new ProductImage
        {
            Id = ProductImage.IdFor(productId, variationId, position), ProductId = productId, VariationId = variationId, Position = position,
            ContentType = picture.ContentType,
            Extension = picture.Extension, Content = picture.Content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(picture.Content)),
        });
        // A new picture is a change to export: the product's version moves (and with it, its situation on each store).
        product.Version++;
        product.UpdatedAt = time.GetUtcNow();
        session.Store(product);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, CatalogProblemCodes.ImageTooLarge, detail);

    private static ProblemHttpResult Unsupported(string detail) =>
        Problems.Of(StatusCodes.Status415UnsupportedMediaType, CatalogProblemCodes.ImageUnsupported, detail);

    /// <summary>Anonymous: the tenant and the picture come only from the token. A token of ours whose picture was replaced
    /// (another file name) or whose product was removed answers 410 Gone: it was a real link, and it is over.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ServeAsync(string token, string fileName, SignedUrls urls, IDocumentStore store,
        CancellationToken cancellationToken)
    {
        if (urls.Verify(token, Purpose) is not var (tenantId, imageId)) return TypedResults.NotFound();
        await using var session = store.QuerySession(tenantId);
        var image = await session.LoadAsync<ProductImage>(imageId, cancellationToken);
        if (image is null || !fileName.StartsWith(image.Sha256 + ".", StringComparison.Ordinal)
            || await session.LoadAsync<Product>(image.ProductId, cancellationToken) is not { DeletedAt: null })
            return Problems.Of(StatusCodes.Status410Gone, CatalogProblemCodes.ImageGone, "Esta foto foi substituída ou o produto foi removido.");
        return TypedResults.File(image.Content, image.ContentType, lastModified: null, entityTag: new($"\"{image.Sha256}\""));
    }
}
