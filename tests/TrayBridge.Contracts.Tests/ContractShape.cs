using System.Reflection;
using MassTransit;

namespace TrayBridge.Contracts.Tests;

/// <summary>The public shape of the contracts assembly as sorted lines: each type with its URN and exchange name,
/// each property with its type. Renaming, removing or retyping anything changes a line.</summary>
public static class ContractShape
{
    public static IReadOnlyList<string> Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsInterface).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var urn = type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString() ?? "-";
            var entity = type.GetCustomAttribute<EntityNameAttribute>()?.EntityName ?? "-";
            lines.Add($"{type.FullName} urn={urn} entity={entity}");
            lines.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name != "EqualityContract")
                .Select(p => $"{type.FullName}.{p.Name}: {Name(p.PropertyType)}{(IsNullableReference(p) ? "?" : "")}")
                .Order(StringComparer.Ordinal));
        }
        return lines;
    }

    /// <summary>Approved lines that are gone (a breaking change) and current lines that are new (additive).</summary>
    public static (IReadOnlyList<string> Removed, IReadOnlyList<string> Added) Compare(IEnumerable<string> approved, IEnumerable<string> current)
    {
        var approvedSet = approved.Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var currentSet = current.ToHashSet(StringComparer.Ordinal);
        return (approvedSet.Except(currentSet).Order().ToList(), currentSet.Except(approvedSet).Order().ToList());
    }

    private static string Name(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Name(inner) + "?"
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;

    private static bool IsNullableReference(PropertyInfo property) =>
        !property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
}
