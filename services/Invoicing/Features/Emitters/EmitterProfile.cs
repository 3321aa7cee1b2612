using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Taxes;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The tenant's emitter as stored: the fields of the note's <c>emit</c> and the A1 certificate — its PFX and password only in Data Protection's ciphertext, next to what may be shown of it.
/// One per tenant: the id is the tenant id. Where SEFAZ is reached is not stored: it follows from the UF and the ambiente
/// (<see cref="Sefaz.SefazWebServices"/>); the URLs older profiles hold are ignored.</summary>
public sealed class EmitterProfile
{
    public required string Id { get; set; }
    public required EmitterData Emitter { get; set; }
    public StoredCertificate? Certificate { get; set; }
    /// <summary>The emitter's tax table as its accountant set it; null: the defaults (<see cref="TaxRules.Default"/>).</summary>
    public TaxRules? Taxes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The emitter a note is built for: its fields and its tax table.</summary>
    public Emitter ToEmitter() => Emitter.ToEmitter() with { Taxes = Taxes ?? TaxRules.Default };
}

/// <summary>The A1 certificate: <see cref="ProtectedPfx"/> and <see cref="ProtectedPassword"/> are Data Protection
/// ciphertext (see <see cref="EmitterCertificates"/>); the rest is what the user may see.</summary>
public sealed record StoredCertificate(
    string ProtectedPfx, string ProtectedPassword, string Subject, string Thumbprint, string? Cnpj, DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);

/// <summary>The emitter's own fields, flat for storage (the tax table is kept beside them, <see cref="EmitterProfile.Taxes"/>).</summary>
/// <param name="Difal">The accountant's DIFAL policy; null (and in profiles stored before it existed): the regime's default.</param>
public sealed record EmitterData(
    string Cnpj, string StateRegistration, string Name, string? TradeName, NfeAddress Address, Crt Crt, int Series, NfeEnvironment Environment,
    DifalPolicy? Difal = null)
{
    public static EmitterData From(Emitter e) =>
        new(e.Cnpj, e.StateRegistration, e.Name, e.TradeName, e.Address, e.Crt, e.Series, e.Environment, e.Difal);

    public Emitter ToEmitter() => new(Cnpj, StateRegistration, Name, Address, Crt, Series, Environment) { TradeName = TradeName, Difal = Difal };
}
