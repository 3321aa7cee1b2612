namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>The software house behind the generator (<c>infRespTec</c>, NT 2018.005): several UFs reject a note without
/// it, and it is allowed everywhere, so it is written whenever configured.</summary>
public sealed record TechnicalResponsible(string Cnpj, string Contact, string Email, string Phone);
