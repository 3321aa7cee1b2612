namespace TrayBridge.Invoicing.Domain.Lots;

/// <summary>An <c>enviNFe</c> message ready for NFeAutorizacao4: its id, whether SEFAZ answers synchronously (a lot of
/// one note must, 452 otherwise), the signed notes in it, and the XML to send.</summary>
public sealed record NfeLot(string IdLote, bool Synchronous, IReadOnlyList<string> Notes, string Xml)
{
    /// <summary>The message's size as sent (UTF-8), which SEFAZ caps (214).</summary>
    public int Bytes => System.Text.Encoding.UTF8.GetByteCount(Xml);
}
