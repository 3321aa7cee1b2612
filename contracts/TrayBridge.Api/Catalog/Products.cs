namespace TrayBridge.Api.Catalog;

/// <summary><c>POST /api/catalog/products</c> and <c>PUT /api/catalog/products/{id}</c>: every field the Catalog keeps. A
/// 400 names the fields at fault (<c>sku</c>, <c>variations[2].sku</c>…), each with a Portuguese message.</summary>
public sealed record ProductInput
{
    public string? Sku { get; init; }
    public string? Name { get; init; }
    public string? Ean { get; init; }
    public string? Ncm { get; init; }
    public string? Cest { get; init; }
    /// <summary>NF-e <c>orig</c>, 0 to 8 (<see cref="ProductOrigins"/>); null is 0.</summary>
    public int? Origin { get; init; }
    public string? Unit { get; init; }
    /// <summary>HTML allowed (Tray shows it as the product page's description).</summary>
    public string? Description { get; init; }
    public string? ShortDescription { get; init; }
    public decimal Price { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public DateOnly? PromotionStart { get; init; }
    public DateOnly? PromotionEnd { get; init; }
    public decimal? CostPrice { get; init; }
    public string? Brand { get; init; }
    public Guid? CategoryId { get; init; }
    public int? WeightGrams { get; init; }
    public decimal? LengthCm { get; init; }
    public decimal? WidthCm { get; init; }
    public decimal? HeightCm { get; init; }
    public decimal Stock { get; init; }
    public bool? Available { get; init; }
    /// <summary>At most two axis names (e.g. "Cor", "Tamanho"); required with <see cref="Variations"/>.</summary>
    public IReadOnlyList<string>? VariationAxes { get; init; }
    /// <summary>Every variation the product has: one left out is removed. With variations, <see cref="Stock"/> is their sum.</summary>
    public IReadOnlyList<VariationInput>? Variations { get; init; }
}

/// <summary>One variation as a user sends it. <see cref="Id"/> is the Catalog's (from a previous answer): with it, the
/// variation keeps its identity — and its Tray variant — whatever else changes; without it, one with the same SKU keeps
/// its identity, else the variation is new.</summary>
public sealed record VariationInput
{
    public Guid? Id { get; init; }
    public string? Sku { get; init; }
    /// <summary>One value per axis of <see cref="ProductInput.VariationAxes"/>, in the same order.</summary>
    public IReadOnlyList<string?>? Values { get; init; }
    public string? Ean { get; init; }
    public decimal Price { get; init; }
    public decimal? PromotionalPrice { get; init; }
    public decimal? CostPrice { get; init; }
    public decimal Stock { get; init; }
    public int? WeightGrams { get; init; }
}

/// <summary><c>GET /api/catalog/products/{id}</c> (and the answer of a create or an update). <see cref="Images"/> are the
/// product's own pictures; each variation lists its own.</summary>
public sealed record ProductResponse(Guid Id, string Sku, string Name, string? Ean, string? Ncm, string? Cest, int Origin, string Unit,
    string? Description, string? ShortDescription, decimal Price, decimal? PromotionalPrice, DateOnly? PromotionStart,
    DateOnly? PromotionEnd, decimal? CostPrice, string? Brand, Guid? CategoryId, int? WeightGrams, decimal? LengthCm, decimal? WidthCm,
    decimal? HeightCm, decimal Stock, bool Available, long Version, DateTimeOffset UpdatedAt, IReadOnlyList<ImageLink> Images,
    bool CreatedByImport, IReadOnlyList<string> VariationAxes, IReadOnlyList<VariationResponse> Variations);

public sealed record VariationResponse(Guid Id, string Sku, IReadOnlyList<string> Values, string? Ean, decimal Price,
    decimal? PromotionalPrice, decimal? CostPrice, decimal Stock, int? WeightGrams, IReadOnlyList<ImageLink> Images);

/// <summary>A picture's public, signed address relative to the gateway (what Tray downloads as <c>picture_source_N</c>).</summary>
public sealed record ImageLink(int Position, string Url);

/// <summary><c>GET /api/catalog/products?search=&amp;description=&amp;storeId=&amp;situation=&amp;page=&amp;pageSize=</c>: one page
/// of products (<see cref="Total"/> counts every page). With a store, <see cref="Situations"/> holds the cards: how many products
/// of the list (after the text filters, before the situation filter) are in each situation there, keyed by
/// <see cref="ProductSituations.Labels"/>; null without a store.</summary>
public sealed record ProductPage(long Total, int Page, int PageSize, IReadOnlyList<ProductRow> Items,
    IReadOnlyDictionary<string, long>? Situations);

/// <summary>A row of the product list; with a store, its <see cref="Situation"/> there (one of <see cref="ProductSituations"/>),
/// the newest export error when it is <c>Erro</c>, and the Tray variant each variation became there.</summary>
public sealed record ProductRow(Guid Id, string Sku, string Name, string? Ean, string? Brand, decimal Price, decimal? PromotionalPrice,
    decimal Stock, bool Available, long Version, DateTimeOffset UpdatedAt, string? StoreId, string? Situation, string? TrayProductId,
    long? ExportedVersion, ExportError? LastError, bool CreatedByImport, int VariationCount, IReadOnlyList<TrayVariantLink> TrayVariants);

/// <summary>Why the newest export of a product to a store failed: <see cref="Reason"/> in Portuguese, its stable
/// <see cref="ReasonCode"/> (<see cref="ExportReasonCodes"/>), and <see cref="Causes"/> in Tray's own words.</summary>
public sealed record ExportError(string Reason, string ReasonCode, IReadOnlyList<string> Causes, bool Retryable, DateTimeOffset At);

/// <summary>An ERP variation and the Tray variant it is on the store.</summary>
public sealed record TrayVariantLink(Guid VariationId, string TrayVariantId);

/// <summary>A product's situation on a store (<see cref="ProductRow.Situation"/>, the <c>situation</c> filter), as the seed
/// names them; <see cref="Labels"/> are what people read (and the keys of <see cref="ProductPage.Situations"/>).</summary>
public static class ProductSituations
{
    public const string Integrado = "Integrado", NaoIntegrado = "NaoIntegrado", Erro = "Erro", Desatualizado = "Desatualizado";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Integrado] = "Integrado", [NaoIntegrado] = "Não integrado", [Erro] = "Erro", [Desatualizado] = "Desatualizado",
    };
}

/// <summary>The bounds of the product API, for the panel to offer what the API accepts.</summary>
public static class ProductLimits
{
    public const int MaxPageSize = 100, DefaultPageSize = 30;
    public const int MaxSku = 60, MaxName = 200, MaxDescription = 4_800, MaxShortDescription = 500, MaxBrand = 100, MaxUnit = 6;
    /// <summary>Pictures 1 to 6 (Tray's <c>picture_source_1..6</c>), each a JPG or PNG of at most <see cref="MaxImageBytes"/>.</summary>
    public const int MaxImages = 6, MaxImageBytes = 10 * 1024 * 1024;
    public const int MaxAxes = 2, MaxVariations = 100, MaxAxisText = 50;
}

/// <summary>NF-e <c>orig</c> values, as the merchant picks them.</summary>
public static class ProductOrigins
{
    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [0] = "0 – Nacional",
        [1] = "1 – Estrangeira, importação direta",
        [2] = "2 – Estrangeira, adquirida no mercado interno",
        [3] = "3 – Nacional, conteúdo de importação superior a 40% e até 70%",
        [4] = "4 – Nacional, produção conforme processos produtivos básicos",
        [5] = "5 – Nacional, conteúdo de importação até 40%",
        [6] = "6 – Estrangeira, importação direta, sem similar nacional (CAMEX)",
        [7] = "7 – Estrangeira, mercado interno, sem similar nacional (CAMEX)",
        [8] = "8 – Nacional, conteúdo de importação superior a 70%",
    };
}
