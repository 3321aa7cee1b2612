namespace TrayBridge.Api.Invoicing;

/// <summary><c>PUT /api/invoicing/emitter</c>. <see cref="Crt"/>: 1 Simples Nacional, 2 SN acima do sublimite, 3 regime
/// normal, 4 MEI; <see cref="Environment"/>: 1 produção, 2 homologação. Where the notes go follows from the address's UF
/// and the ambiente (the official SEFAZ web-service table, shown in <see cref="EmitterResponse.Sefaz"/>): the URL members
/// are no longer the tenant's to choose, and a request carrying any of them is refused (400
/// <c>emitter.sefaz_url_not_accepted</c>) so nobody believes it took effect. <see cref="Difal"/> is the accountant's DIFAL
/// policy for interstate sales to non-contributor consumers: <c>due</c>, <c>not_due</c> (no <c>ICMSUFDest</c>) or
/// <c>not_due_zero_group</c> (the group with zero values, where the authorizer still rejects with 694 without it); empty:
/// the regime decides (Simples Nacional and MEI <c>not_due</c> — STF ADI 5464/5469 —, others <c>due</c>).</summary>
public sealed record EmitterRequest(
    string? Cnpj, string? StateRegistration, string? Name, string? TradeName, EmitterAddress? Address, int? Crt, int? Series,
    int? Environment, string? AuthorizationUrl = null, string? ReceiptUrl = null, string? ConsultationUrl = null, string? VoidingUrl = null,
    string? Difal = null);

/// <summary>The emitter's address (<c>enderEmit</c>); <see cref="CityCode"/> is the 7-digit IBGE code (cMun).</summary>
public sealed record EmitterAddress(
    string Street, string Number, string? Complement, string District, string CityCode, string CityName, string Uf, string ZipCode,
    string? Phone = null);

/// <summary>Where the emitter's notes go, read-only: the web services of <see cref="Authorizer"/> (the UF's own SEFAZ, SVRS
/// or SVAN, per the official table) for the emitter's ambiente; <see cref="OperatorOverride"/> when the operator sends
/// every tenant's notes elsewhere (the SEFAZ simulator of a demo or a test).</summary>
public sealed record EmitterSefazUrls(Uri Authorization, Uri Receipt, Uri Consultation, Uri? Voiding, string? Authorizer = null, Uri? Events = null,
    bool OperatorOverride = false);

/// <summary><c>GET/PUT /api/invoicing/emitter</c> and <c>PUT …/certificate</c>: the emitter, its certificate as may be shown
/// (never the PFX or its password) and warnings in Portuguese (<see cref="Warnings"/>, each with its code in
/// <see cref="WarningReasons"/>: <c>certificate.missing</c>, <c>certificate.expired</c>, <c>certificate.expires_soon</c>,
/// <c>certificate.other_cnpj_root</c>). <see cref="Difal"/> is the policy chosen (null: by regime), <see cref="DifalApplied"/>
/// the one the notes apply.</summary>
public sealed record EmitterResponse(
    string Cnpj, string StateRegistration, string Name, string? TradeName, EmitterAddress Address, int Crt, int Series, int Environment,
    EmitterSefazUrls Sefaz, CertificateInfo? Certificate, IReadOnlyList<string> Warnings, IReadOnlyList<Reason> WarningReasons,
    string? Difal = null, string? DifalApplied = null);

/// <summary>The A1 certificate: <see cref="Holder"/> is the subject's CN, <see cref="Cnpj"/> the one it carries;
/// <see cref="ExpiresSoon"/> within 30 days of <see cref="NotAfter"/> (and not yet expired).</summary>
public sealed record CertificateInfo(
    string Subject, string? Cnpj, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Thumbprint, string Holder, bool Expired,
    bool ExpiresSoon, int DaysLeft);

/// <summary><c>PUT /api/invoicing/emitter/certificate</c>: the A1 PFX (PKCS#12) in base64, at most 64 KB, and its password.</summary>
public sealed record CertificateUpload(string? PfxBase64, string? Password);
