using System.Reflection;
using MassTransit;
using TrayBridge.Contracts;

namespace TrayBridge.EventCatalog;

/// <summary>One published message as a subscriber needs to know it: read from the contracts by reflection, never typed in.</summary>
public sealed record Message(Type Type, string Urn, string Exchange, string Publisher, MessageRole Role, string Summary, IReadOnlyList<Field> Fields);

/// <summary>A field as it travels: camelCase JSON (MassTransit's System.Text.Json), its CLR type and whether it may be null.</summary>
public sealed record Field(string Name, Type Type, bool Nullable, bool Required, string Summary);

public static class Catalogue
{
    public static Assembly Contracts => typeof(ITenantMessage).Assembly;

    /// <summary>Both files, by name: <c>asyncapi.yaml</c> and <c>README.md</c>.</summary>
    public static IReadOnlyList<(string Name, string Text)> Render()
    {
        var docs = XmlDocs.Load(Contracts);
        var messages = Messages(docs);
        return [("asyncapi.yaml", AsyncApi.Write(messages, docs)), ("README.md", Markdown.Write(messages, docs))];
    }

    public static List<Message> Messages(XmlDocs docs) =>
        Contracts.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<PublishedByAttribute>() is not null)
            .Select(t => new Message(t, t.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString(), t.GetCustomAttribute<EntityNameAttribute>()!.EntityName,
                t.GetCustomAttribute<PublishedByAttribute>()!.Service, t.GetCustomAttribute<PublishedByAttribute>()!.Role, docs.Summary(t), Fields(t, docs)))
            .OrderBy(m => m.Role).ThenBy(m => m.Publisher).ThenBy(m => m.Type.Name, StringComparer.Ordinal).ToList();

    /// <summary>A record's positional parameters in order, then its init-only additions (added later, so optional).</summary>
    public static List<Field> Fields(Type type, XmlDocs docs)
    {
        var nullability = new NullabilityInfoContext();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var positional = constructor.GetParameters().Select(p => new Field(Json(p.Name!), p.ParameterType,
            IsNullable(p.ParameterType, nullability.Create(p).ReadState), !IsNullable(p.ParameterType, nullability.Create(p).ReadState),
            Meaning(docs.Param(type, p.Name!) ?? docs.Property(type, p.Name!), p.Name!))).ToList();
        var added = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && constructor.GetParameters().All(c => c.Name != p.Name))
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Field(Json(p.Name), p.PropertyType, IsNullable(p.PropertyType, nullability.Create(p).ReadState), false,
                Meaning(docs.Property(type, p.Name), p.Name)));
        return [.. positional, .. added];
    }

    /// <summary>Record types a message carries (lines, addresses…), each described once.</summary>
    public static List<Type> Nested(IEnumerable<Message> messages)
    {
        var seen = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        void Visit(Type t)
        {
            var inner = Element(t) ?? t;
            if (inner.Assembly != Contracts || inner.IsEnum || seen.ContainsKey(inner.Name)) return;
            seen[inner.Name] = inner;
            foreach (var p in inner.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()) Visit(p.ParameterType);
        }
        foreach (var field in messages.SelectMany(m => m.Fields)) Visit(field.Type);
        return [.. seen.Values];
    }

    public static Type? Element(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0] : null;

    /// <summary>Fields that mean the same in every message, for those whose record does not document them itself.</summary>
    private static readonly Dictionary<string, string> Common = new()
    {
        ["TenantId"] = "The tenant (the ERP account) the event belongs to; equal to the TenantId header.",
        ["OccurredAt"] = "When it happened, in the publishing service's clock (UTC offset included).",
        ["StoreId"] = "The Tray store id (Usuário of the Loja Virtual), as registered.",
        ["TrayOrderId"] = "Tray's order id in that store.",
        ["SalesOrderId"] = "The ERP sales order (pedido de venda) id in Orders.",
        ["ProductId"] = "The ERP product id in the Catalog.",
        ["VariationId"] = "The ERP variation id (within the product).",
        ["ProductVersion"] = "The product's version in the Catalog: it only grows; an older one arriving late is stale.",
        ["TrayProductId"] = "Tray's product id in that store.",
        ["TrayVariantId"] = "Tray's variant id in that store; null for a product without variants.",
        ["Sku"] = "The ERP's code (SKU / referência).",
        ["Reason"] = "Why, in Portuguese, for people.",
        ["ExportId"] = "The export this answers (the ProductExportRequested it came from).",
        ["ChaveDeAcesso"] = "The NF-e's 44-digit access key.",
        ["Number"] = "The NF-e number (nNF) in its series.",
        ["Series"] = "The NF-e series.",
        ["Protocol"] = "SEFAZ's protocol number (nProt).",
        ["Name"] = "The name, as people read it.",
        ["Price"] = "Price in reais (BRL).",
        ["PromotionalPrice"] = "Promotional price in reais; null when there is no promotion.",
        ["CostPrice"] = "Cost price in reais; null when unknown.",
        ["Stock"] = "Quantity in stock.",
        ["Available"] = "Whether it is for sale.",
        ["Quantity"] = "How many units.",
        ["Total"] = "Total in reais (BRL).",
        ["Status"] = "Tray's status text of the order (e.g. A ENVIAR), as the store names it.",
        ["Cancelled"] = "Whether Tray counts the order as cancelled.",
        ["Retryable"] = "Whether it will be tried again (or can be, by the merchant).",
        ["Causes"] = "The causes in Tray's own words.",
        ["StatusCode"] = "SEFAZ's cStat (or our own code for a refusal before SEFAZ).",
        ["IssuedAt"] = "When the note was issued (dhEmi).",
        ["DanfeUrl"] = "Signed link to the DANFE (PDF); revocable.",
        ["XmlUrl"] = "Signed link to the authorized XML (nfeProc); revocable.",
        ["Cfop"] = "The CFOP used on the line.",
        ["Ncm"] = "The NCM (8 digits); null when Tray has none.",
        ["Ean"] = "The EAN/GTIN; null when there is none.",
        ["NfeId"] = "The note's id in Invoicing (GET /api/invoicing/nfes/{id}).",
    };

    private static string Meaning(string documented, string name) => documented.Length > 0 ? documented : Common.GetValueOrDefault(name, "");

    private static bool IsNullable(Type t, NullabilityState state) => Nullable.GetUnderlyingType(t) is not null || (!t.IsValueType && state == NullabilityState.Nullable);

    public static string Json(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
