namespace TrayBridge.Invoicing.Domain.Emitters;

/// <summary><c>ide/tpAmb</c>: where the note is sent. Homologação notes have no fiscal value and must carry the literal
/// recipient name (598 otherwise).</summary>
public enum NfeEnvironment
{
    Producao = 1,
    Homologacao = 2,
}
