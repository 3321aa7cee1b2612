namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>The <c>picture_source_N</c> slots a product or variant body carries: only those that change what Tray holds, since
/// every address Tray is sent is downloaded and processed again (tray-api.md §3.5: "don't resend unchanged images"). Tray holds
/// its pictures packed from slot 1: a slot sent as a single space is deleted and the later pictures move down. So one picture
/// removed is one blank slot; any other removal re-sends the slots from the first change on, blanking the ones left over at the
/// end; a change or an addition sends that slot alone. What Tray holds is known from the link (the addresses last sent, in
/// order); when it is not (a product or variant adopted or relinked), every slot is sent, blanks included — unless the ERP has no
/// picture for it, when Tray's are left alone.</summary>
public static class PictureSlots
{
    public const int Slots = 6;
    public const string Blank = " ";

    /// <summary>Slot number → address (or <see cref="Blank"/>); <paramref name="onTray"/> null when what Tray holds is unknown.</summary>
    public static IEnumerable<(int Slot, string Value)> Changes(IReadOnlyList<string>? onTray, IReadOnlyList<string> wanted)
    {
        var target = wanted.Take(Slots).ToList();
        if (onTray is null)
        {
            // Without pictures of ours, an adopted product keeps the ones the merchant gave it on Tray.
            if (target.Count == 0) yield break;
            for (var i = 0; i < Slots; i++) yield return (i + 1, i < target.Count ? target[i] : Blank);
            yield break;
        }
        var held = onTray.Take(Slots).ToList();
        if (target.Count >= held.Count)
        {
            for (var i = 0; i < target.Count; i++)
                if (i >= held.Count || held[i] != target[i]) yield return (i + 1, target[i]);
            yield break;
        }
        var first = Enumerable.Range(0, target.Count).FirstOrDefault(i => held[i] != target[i], target.Count);
        if (held.Where((_, i) => i != first).SequenceEqual(target))
        {
            yield return (first + 1, Blank); // the later pictures move down into place: nothing is downloaded again
            yield break;
        }
        for (var i = first; i < held.Count; i++) yield return (i + 1, i < target.Count ? target[i] : Blank);
    }

    public static void AddTo(IDictionary<string, object?> body, IReadOnlyList<string>? onTray, IReadOnlyList<string> wanted)
    {
        foreach (var (slot, value) in Changes(onTray, wanted)) body[$"picture_source_{slot}"] = value;
    }
}
