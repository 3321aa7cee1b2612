namespace TrayBridge.EventCatalog;

/// <summary>JSON Schema for the records, and a deterministic example of each: the same input always gives the same file.</summary>
public static class Schemas
{
    public static Dictionary<string, object> Of(Type record, XmlDocs docs)
    {
        var fields = Catalogue.Fields(record, docs);
        var schema = new Dictionary<string, object> { ["type"] = "object" };
        if (docs.Summary(record) is { Length: > 0 } summary) schema["description"] = summary;
        var required = fields.Where(f => f.Required).Select(f => f.Name).ToList();
        if (required.Count > 0) schema["required"] = required;
        schema["properties"] = fields.ToDictionary(f => f.Name, f => Property(f));
        return schema;
    }

    private static object Property(Field field)
    {
        var schema = Type(field.Type);
        if (field.Nullable && schema.TryGetValue("type", out var type)) schema["type"] = new List<object> { type, "null" };
        if (field.Summary.Length > 0) schema["description"] = field.Summary;
        return schema;
    }

    public static Dictionary<string, object> Type(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new() { ["type"] = "string" };
        if (type == typeof(Guid)) return new() { ["type"] = "string", ["format"] = "uuid" };
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return new() { ["type"] = "string", ["format"] = "date-time" };
        if (type == typeof(DateOnly)) return new() { ["type"] = "string", ["format"] = "date" };
        if (type == typeof(bool)) return new() { ["type"] = "boolean" };
        if (type == typeof(int) || type == typeof(short)) return new() { ["type"] = "integer", ["format"] = "int32" };
        if (type == typeof(long)) return new() { ["type"] = "integer", ["format"] = "int64" };
        if (type == typeof(decimal) || type == typeof(double)) return new() { ["type"] = "number" };
        if (type.IsEnum) return new() { ["type"] = "string", ["enum"] = Enum.GetNames(type).ToList() };
        if (Catalogue.Element(type) is { } element) return new() { ["type"] = "array", ["items"] = Type(element) };
        if (type.Assembly == Catalogue.Contracts) return new() { ["$ref"] = $"#/components/schemas/{type.Name}" };
        throw new NotSupportedException($"No schema for {type} (add it to the event catalogue generator).");
    }

    public static object? Example(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return name switch
        {
            "tenantId" => "tenant-demo", "storeId" => "391250", "trayOrderId" => "1001", "chaveDeAcesso" => "35261212345678000195550010000000011000000019",
            _ => name,
        };
        if (type == typeof(Guid)) return "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "2026-12-06T15:00:00-03:00";
        if (type == typeof(DateOnly)) return "2026-12-06";
        if (type == typeof(bool)) return true;
        if (type == typeof(int) || type == typeof(short) || type == typeof(long)) return 1;
        if (type == typeof(decimal) || type == typeof(double)) return 10.5m;
        if (type.IsEnum) return Enum.GetNames(type)[0];
        if (Catalogue.Element(type) is { } element) return new List<object?> { Example(element, name) };
        return Record(type);
    }

    public static Dictionary<string, object?> Record(Type record) =>
        Catalogue.Fields(record, XmlDocs.Empty).ToDictionary(f => f.Name, f => Example(f.Type, f.Name));
}
