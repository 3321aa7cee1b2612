namespace TrayBridge.Catalog.Domain;

/// <summary>One of a product's — or of one of its variations' — up to six pictures (position 1–6, as Tray's
/// <c>picture_source_1..6</c>, which a variant takes too).</summary>
public sealed class ProductImage
{
    public required string Id { get; set; }
    public Guid ProductId { get; set; }
    /// <summary>Null for the product's own pictures.</summary>
    public Guid? VariationId { get; set; }
    public int Position { get; set; }
    public required string ContentType { get; set; }
    public required string Extension { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>Hex SHA-256 of <see cref="Content"/>: part of the public file name, so a changed image gets a new URL.</summary>
    public required string Sha256 { get; set; }

    public static string IdFor(Guid productId, int position) => $"{productId:N}-{position}";

    public static string IdFor(Guid productId, Guid? variationId, int position) =>
        variationId is { } variation ? $"{productId:N}-{variation:N}-{position}" : IdFor(productId, position);
}
