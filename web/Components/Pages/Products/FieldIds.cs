namespace TrayBridge.Web.Components.Pages.Products;

/// <summary>The element id <see cref="Shared.FieldError"/> gives a field's message, for an input's <c>aria-describedby</c>
/// (a component's parameters cannot be set from outside it; the component tests check both say the same).</summary>
public static class FieldIds
{
    public static string For(string field) => $"erro-{field.Replace('.', '-').Replace('[', '-').Replace(']', '-')}";
}
