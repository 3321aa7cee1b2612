namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: over https the A1 certificate goes on the TLS connection (SEFAZ's mutual TLS), and the server is
/// trusted through the configured anchor, not the OS store.</summary>
public sealed class MutualTlsTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    [Fact]
    public async Task Over_https_the_note_is_sent_with_the_a1_certificate_and_authorized()
    {
        using var tenant = new Tenant(fixture, "tenant-mtls");
        Assert.StartsWith("https://", fixture.Sefaz.BaseAddress.ToString());
        await Tenant.ConfigureAsync(tenant, EmitterSetup.Body(series: 31));

        var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));

        var note = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        Assert.Contains(fixture.Sefaz.Admin.Requests(), r => r.ClientCertificate?.Contains(EmitterSetup.Cnpj) == true);
    }
}
