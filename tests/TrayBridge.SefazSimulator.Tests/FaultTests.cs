using System.Diagnostics;
using TrayBridge.SefazSimulator.Faults;
using TrayBridge.SefazSimulator.Tests.Support;
using TrayBridge.Simulators;

namespace TrayBridge.SefazSimulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Down_the_status_service_answers_109_and_the_others_503_until_the_faults_are_cleared()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.SetFaults(new Faults.Faults { Down = true });

        var status = await sefaz.StatusAsync();
        using var send = await sefaz.PostAsync("NFeAutorizacao4", "<enviNFe/>");

        Assert.Equal((109, "Serviço Paralisado sem Previsão"), (status.CStat(), status.XMotivo()));
        Assert.Equal(503, (int)send.StatusCode);
        Assert.Contains("soap:Receiver", await send.Content.ReadAsStringAsync(Test.Ct));
        sefaz.Host.Admin.ClearFaults();
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe().Signed())).InfProt().CStat());
    }

    [Fact]
    public async Task Down_for_a_while_is_108_with_the_return_time_and_ends_on_the_simulator_clock()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.SetFaults(new Faults.Faults { Down = true, DownFor = TimeSpan.FromSeconds(30) });

        var status = await sefaz.StatusAsync();
        Assert.Equal((108, "2024-01-15T11:00:30-03:00"), (status.CStat(), status.Text("dhRetorno")));

        sefaz.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(107, (await sefaz.StatusAsync()).CStat());
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe().Signed())).InfProt().CStat());
    }

    [Fact]
    public async Task A_delay_holds_every_answer_back()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.SetFaults(new Faults.Faults { DelayMs = 400 });

        var watch = Stopwatch.StartNew();
        Assert.Equal(107, (await sefaz.StatusAsync()).CStat());

        Assert.True(watch.ElapsedMilliseconds >= 400, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_timeout_processes_the_lot_but_never_answers_so_the_resend_meets_204_and_the_key_gives_the_protocol()
    {
        // The client must give up only after the simulator has read and processed the lot: a fresh host answers its first
        // request slowly on a loaded machine, so it is warmed up first, and the timeout is still far below the withheld answer.
        await using var sefaz = await SefazSession.StartAsync(clientTimeout: TimeSpan.FromSeconds(5));
        Assert.Equal(107, (await sefaz.StatusAsync()).CStat());
        var note = new TestNfe();
        sefaz.Host.Admin.SetFaults(new Faults.Faults { TimeoutShare = 1 });

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => sefaz.AuthorizeAsync(1, note.Signed()));
        sefaz.Host.Admin.ClearFaults();

        Assert.Equal(204, (await sefaz.AuthorizeAsync(1, note.Signed())).InfProt().CStat());
        var consulted = await sefaz.ConsultKeyAsync(note.Key);
        Assert.Equal(100, consulted.CStat());
        Assert.Contains(sefaz.Host.Admin.Requests(), r => r is { HttpStatus: 0, CStat: 100 });
    }

    [Fact]
    public async Task A_wrong_digVal_fault_answers_protocols_whose_digVal_is_not_the_notes_while_the_ledger_keeps_the_true_one()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe();
        var signed = note.Signed();
        sefaz.Host.Admin.SetFaults(new Faults.Faults { WrongDigVal = true });

        var sent = (await sefaz.AuthorizeAsync(1, signed)).InfProt();
        var consulted = (await sefaz.ConsultKeyAsync(note.Key)).InfProt();

        Assert.Equal((100, note.Key), (sent.CStat(), sent.Text("chNFe")));
        Assert.NotEqual(NfeSigner.DigestOf(signed), sent.Text("digVal"));
        Assert.NotEqual(NfeSigner.DigestOf(signed), consulted.Text("digVal"));
        Assert.Equal(NfeSigner.DigestOf(signed), Assert.Single(sefaz.Host.Admin.Notes(), n => n.Key == note.Key).DigVal);
        sefaz.Host.Admin.ClearFaults();
        Assert.Equal(NfeSigner.DigestOf(signed), (await sefaz.ConsultKeyAsync(note.Key)).InfProt().Text("digVal"));
    }

    [Fact]
    public void Fault_values_out_of_range_are_refused()
    {
        var state = new FaultState(new SimulatorClock(TimeProvider.System));

        Assert.Throws<ArgumentException>(() => state.Set(new Faults.Faults { TimeoutShare = 1.5 }));
        Assert.Throws<ArgumentException>(() => state.Set(new Faults.Faults { DelayMs = -1 }));
    }
}
