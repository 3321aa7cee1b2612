namespace TrayBridge.Invoicing.Domain.Signing;

/// <summary>A signature that does not verify or is not the one the NF-e standard requires (SEFAZ 297/298), or a
/// certificate that cannot sign for the emitter (213).</summary>
public sealed class NfeSignatureException(string message) : Exception(message);
