namespace TrayBridge.Web.Components.Shared;

/// <summary>One card: the filter <paramref name="Value"/> it applies, its Portuguese <paramref name="Label"/>, how many,
/// and a tone for its colour (<c>ok</c>, <c>neutral</c>, <c>warn</c>, <c>error</c>).</summary>
public sealed record SituationCard(string Value, string Label, int Count, string Tone = "neutral");
