using System.Globalization;
using System.Text.Json.Nodes;
using Bogus;
using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>
/// Seed products: real NCMs per category, valid EAN-13s, every third product with a colour × size grid. As in real stores,
/// some products were registered without an NCM (one in five) or without an EAN (one in four).
/// </summary>
public static class CatalogSeed
{
    private static readonly (string Category, string Ncm, string[] Nouns)[] Lines =
    [
        ("Camisetas", "61091000", ["Camiseta", "Regata", "Baby Look"]),
        ("Calçados", "64039900", ["Tênis", "Sapatênis", "Bota"]),
        ("Eletrônicos", "85183000", ["Fone de Ouvido", "Headset", "Caixa de Som"]),
        ("Casa", "39241000", ["Pote Hermético", "Jarra", "Organizador"]),
        ("Acessórios", "42022200", ["Bolsa", "Mochila", "Carteira"]),
    ];
    private static readonly string[] Brands = ["Aurora", "Tropicália", "Ipê", "Jangada", "Serra Azul"];
    private static readonly string[] Colours = ["Azul", "Preto", "Branco", "Verde"];
    private static readonly string[] Sizes = ["P", "M", "G", "GG"];

    public static void AddProducts(Store store, Faker faker, int count, DateTimeOffset now)
    {
        EnsureCategoriesAndBrands(store);
        for (var n = 0; n < count; n++)
        {
            var line = faker.PickRandom(Lines);
            var category = store.Categories.Values.First(c => c.Name == line.Category);
            var brand = faker.PickRandom(store.Brands.Values.ToList());
            var id = store.NextId("product");
            var price = Math.Round(faker.Random.Decimal(19, 499), 0) + 0.90m;
            var name = $"{faker.PickRandom(line.Nouns)} {faker.Commerce.ProductAdjective()} {brand.Name}";
            var material = faker.Commerce.ProductMaterial();
            var product = new Product
            {
                Id = id, Created = now, Modified = now, Name = name,
                Ean = n % 4 == 3 ? "" : Ean13(faker), Ncm = n % 5 == 4 ? "" : line.Ncm, Reference = $"REF-{id:00000}", Model = material,
                Brand = brand.Name, BrandId = brand.Id, CategoryId = category.Id, Description = $"<p>{name}, em {material.ToLowerInvariant()}.</p>",
                Price = price, CostPrice = Math.Round(price * 0.45m, 2), Stock = faker.Random.Int(5, 80),
                Weight = faker.Random.Int(100, 2500), Length = faker.Random.Int(10, 50), Width = faker.Random.Int(10, 40), Height = faker.Random.Int(2, 30),
            };
            store.Products[id] = product;
            if (n % 3 == 0) AddGrid(store, faker, product, now);
        }
    }

    private static void AddGrid(Store store, Faker faker, Product product, DateTimeOffset now)
    {
        var order = 0;
        foreach (var colour in faker.PickRandom(Colours, 2))
            foreach (var size in faker.PickRandom(Sizes, 2))
            {
                var variant = new Variant
                {
                    Id = store.NextId("variant", 200), ProductId = product.Id, Ean = Ean13(faker), Order = ++order,
                    Reference = $"{product.Reference}-{colour[..2].ToUpperInvariant()}-{size}", Price = product.Price, CostPrice = product.CostPrice,
                    Stock = faker.Random.Int(0, 20), Weight = product.Weight, Length = product.Length, Width = product.Width, Height = product.Height,
                    Modified = now,
                };
                variant.Apply(new JsonObject { ["type_1"] = "Cor", ["value_1"] = colour, ["type_2"] = "Tamanho", ["value_2"] = size });
                store.Variants[variant.Id] = variant;
            }
        Stock.Recount(store, product.Id);
    }

    private static void EnsureCategoriesAndBrands(Store store)
    {
        foreach (var (name, _, _) in Lines.Where(l => store.Categories.Values.All(c => c.Name != l.Category)))
        {
            var id = store.NextId("category");
            store.Categories[id] = new Category { Id = id, Name = name, Description = $"<p>{name}</p>", Order = (int)id };
        }
        foreach (var name in Brands.Where(b => store.Brands.Values.All(x => x.Name != b)))
        {
            var id = store.NextId("brand");
            store.Brands[id] = new Brand { Id = id, Name = name };
        }
    }

    // GS1 Brasil prefix 789, then the mod-10 check digit.
    private static string Ean13(Faker faker)
    {
        var body = "789" + faker.Random.ReplaceNumbers("#########");
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
