using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Invoicing.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("invoicing", DaemonLockId: 41_003);

    public static WebApplicationBuilder AddInvoicing(this WebApplicationBuilder builder)
    {
        builder.AddServicePlatform("invoicing", Store, marten =>
        {
            marten.Schema.For<EmitterProfile>().Identity(p => p.Id);
            PostgresXmlRepository.AddDataProtectionTable(marten, Store.Schema);
        });
        // The emitters' A1 certificates are encrypted at rest with Data Protection.
        builder.Services.AddSecretProtection(builder.Configuration, "TrayBridge.Invoicing");
        builder.Services.AddSingleton<EmitterCertificates>();
        return builder;
    }

    public static WebApplication MapInvoicingApi(this WebApplication app)
    {
        app.MapEmitterApi();
        return app;
    }
}
