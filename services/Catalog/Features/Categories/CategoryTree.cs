using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.Categories;

/// <summary>A tenant's whole category tree in memory (a catalogue has tens or hundreds of categories, not millions): paths
/// for the API and the export snapshots, and the cycle check of a move.</summary>
public sealed class CategoryTree
{
    private readonly Dictionary<Guid, Category> _byId;

    public CategoryTree(IEnumerable<Category> categories) => _byId = categories.ToDictionary(c => c.Id);

    public static async Task<CategoryTree> LoadAsync(IQuerySession session, CancellationToken cancellationToken) =>
        new(await session.Query<Category>().ToListAsync(cancellationToken));

    public IEnumerable<Category> All => _byId.Values;

    public Category? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>Root first, the category itself last; empty for an unknown id.</summary>
    public IReadOnlyList<ProductCategorySnapshot> PathOf(Guid? id)
    {
        var path = new List<ProductCategorySnapshot>();
        // The bound guards against a cycle written by a race of two moves; the API refuses cycles.
        for (var node = id is { } start ? Find(start) : null; node is not null && path.Count <= _byId.Count; node = node.ParentId is { } p ? Find(p) : null)
            path.Insert(0, new(node.Id, node.Name));
        return path;
    }

    public string PathText(Guid id) => string.Join(" > ", PathOf(id).Select(c => c.Name));

    /// <summary>True when <paramref name="candidate"/> is <paramref name="id"/> or lies below it.</summary>
    public bool IsWithin(Guid candidate, Guid id) => PathOf(candidate).Any(c => c.CategoryId == id);
}
