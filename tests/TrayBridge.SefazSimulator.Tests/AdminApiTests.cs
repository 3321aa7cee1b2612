using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary><c>/admin</c> over HTTP, as a developer or another test suite drives it.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task Notes_list_what_was_authorized_and_rejected_and_an_authorized_key_has_its_nfeProc()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe();
        await sefaz.AuthorizeAsync(1, (note with { DestName = "MARIA DA SILVA" }).Signed());
        await sefaz.AuthorizeAsync(1, note.Signed());

        var notes = (await sefaz.Http.GetFromJsonAsync<JsonArray>("admin/notes", Test.Ct))!;

        Assert.Equal([(598, false), (100, true)], notes.Select(n => ((int)n!["cStat"]!, (bool)n["authorized"]!)));
        Assert.Equal(note.Key, (string)notes[1]!["key"]!);
        Assert.Matches("^13524[0-9]{10}$", (string)notes[1]!["nProt"]!);
        var nfeProc = await sefaz.Http.GetStringAsync($"admin/notes/{note.Key}/nfeProc", Test.Ct);
        Assert.StartsWith("<nfeProc", nfeProc);
        Assert.Equal(404, (int)(await sefaz.Http.GetAsync($"admin/notes/{note.Key[..43]}0/nfeProc", Test.Ct)).StatusCode);
    }

    [Fact]
    public async Task Requests_show_each_call_with_its_service_and_cStat()
    {
        await using var sefaz = await SefazSession.StartAsync();
        await sefaz.StatusAsync();
        await sefaz.ConsultKeyAsync(new TestNfe().Key);

        var requests = (await sefaz.Http.GetFromJsonAsync<JsonArray>("admin/requests?last=10", Test.Ct))!;

        Assert.Equal([("NFeStatusServico4", 200, 107), ("NFeConsultaProtocolo4", 200, 217)],
            requests.Select(r => ((string)r!["service"]!, (int)r["httpStatus"]!, (int)r["cStat"]!)));
    }

    [Fact]
    public async Task Faults_are_set_and_cleared_as_json()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var set = await sefaz.Http.PutAsJsonAsync("admin/faults", new { delayMs = 10, timeoutShare = 0.25, down = true, downFor = "00:01:00" }, Test.Ct);
        Assert.Equal(200, (int)set.StatusCode);
        Assert.Equal(0.25, sefaz.Host.Admin.Faults.TimeoutShare);
        Assert.Equal(400, (int)(await sefaz.Http.PutAsJsonAsync("admin/faults", new { timeoutShare = 2 }, Test.Ct)).StatusCode);
        // Asked SEFAZ while a quarter of the answers are withheld, the test would hang one time in four: ask without that.
        Assert.Equal(200, (int)(await sefaz.Http.PutAsJsonAsync("admin/faults", new { delayMs = 10, down = true, downFor = "00:01:00" }, Test.Ct)).StatusCode);
        Assert.Equal(108, (await sefaz.StatusAsync()).CStat());

        Assert.Equal(204, (int)(await sefaz.Http.DeleteAsync("admin/faults", Test.Ct)).StatusCode);
        Assert.Equal(107, (await sefaz.StatusAsync()).CStat());
    }

    [Fact]
    public async Task Settings_change_only_what_is_sent_and_refuse_an_unknown_package_or_setting()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var changed = await sefaz.Http.PutAsJsonAsync("admin/settings", new { schemaPackage = "PL_010_V1.30", receiptDelay = "00:00:05" }, Test.Ct);
        var body = (await changed.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!;

        Assert.Equal(("PL_010_V1.30", "00:00:05", 2), ((string)body["schemaPackage"]!, (string)body["receiptDelay"]!, (int)body["tpAmb"]!));
        Assert.Equal(400, (int)(await sefaz.Http.PutAsJsonAsync("admin/settings", new { schemaPackage = "PL_999" }, Test.Ct)).StatusCode);
        Assert.Equal(400, (int)(await sefaz.Http.PutAsJsonAsync("admin/settings", new { nonsense = 1 }, Test.Ct)).StatusCode);
        Assert.Equal("PL_010_V1.30", sefaz.Host.Admin.Settings.SchemaPackage);
    }

    [Fact]
    public async Task The_clock_moves_ahead_and_so_do_receipts()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var received = await sefaz.AuthorizeAsync(0, new TestNfe { Number = 1 }.Signed(), new TestNfe { Number = 2 }.Signed());
        var nRec = received.Element(SefazSession.Nfe + "infRec")!.Text("nRec")!;

        var advanced = await sefaz.Http.PostAsJsonAsync("admin/clock/advance", new { by = "00:00:03" }, Test.Ct);

        Assert.Equal(200, (int)advanced.StatusCode);
        Assert.Equal(104, (await sefaz.ConsultReceiptAsync(nRec)).CStat());
        var lots = (await sefaz.Http.GetFromJsonAsync<JsonArray>("admin/lots", Test.Ct))!;
        Assert.True((bool)lots.Single()!["processed"]!);
    }
}
