namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Issue 6: over https the A1 certificate goes on the TLS connection (SEFAZ's mutual TLS), and the server is
/// trusted through the configured anchor, not the OS store.</summary>
public sealed class MutualTlsTests(InvoicingFixture fixture) : IClassFixture<InvoicingFixture>
{
    [Fact]
    public async Task Over_https_the_note_is_sent_with_the_a1_certificate_and_authorized()
    {
        using var tenant = new Tenant(fixture, "tenant-mtls");
        var body = EmitterSetup.Body(fixture.SefazTls.BaseAddress, series: 31);
        Assert.StartsWith("https://", fixture.SefazTls.BaseAddress.ToString());
        await Tenant.ConfigureAsync(tenant, body);

        var batch = await tenant.IssueAsync(fixture.Orders.AddReady(tenant.Id));

        var note = (await tenant.SettledNotesAsync(batch.GetProperty("id").GetGuid()))[0];
        Assert.Equal("Authorized", note.GetProperty("status").GetString());
        Assert.Contains(fixture.SefazTls.Admin.Requests(), r => r.ClientCertificate?.Contains(EmitterSetup.Cnpj) == true);
    }
}
