namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>One field of a <see cref="DanfeCanvas.Row"/>: its caption, its value and its share of the row's width (points).</summary>
public readonly record struct DanfeCell(string Caption, string Value, double Width, bool AlignRight = false);
