using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>Numbering duplicity (nfe.md §4.4): 204 for the same key again, 539 for the same number under another key; a
/// rejected note is not registered, so its number is free for the corrected note.</summary>
public sealed class DuplicityTests
{
    [Fact]
    public async Task The_same_note_sent_again_is_204_naming_the_protocol_already_granted()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe().Signed();
        var first = (await sefaz.AuthorizeAsync(1, note)).InfProt();

        var again = await sefaz.AuthorizeAsync(1, note);

        Assert.Equal((104, 204, $"Rejeição: Duplicidade de NF-e [nProt:{first.Text("nProt")}][dhAut: {first.Text("dhRecbto")}]"), again.Outcome());
        Assert.Null(again.InfProt().Text("nProt"));
        Assert.Equal(first.Text("nProt"), (await sefaz.ConsultKeyAsync(new TestNfe().Key)).InfProt().Text("nProt"));
    }

    [Fact]
    public async Task The_same_number_under_another_key_is_539_naming_the_key_already_authorized()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var original = new TestNfe();
        var first = (await sefaz.AuthorizeAsync(1, original.Signed())).InfProt();

        // A retry that drew a new cNF: same série and number, another key (the mistake nfe.md §4.7 warns about).
        var again = await sefaz.AuthorizeAsync(1, (original with { CNF = "57319028" }).Signed());

        Assert.Equal((104, 539, $"Rejeição: Duplicidade de NF-e com diferença na Chave de Acesso [chNFe: {original.Key}][nProt:{first.Text("nProt")}][dhAut: {first.Text("dhRecbto")}]"),
            again.Outcome());
    }

    [Fact]
    public async Task A_rejected_note_keeps_its_number_free_and_the_fixed_note_is_authorized_under_the_same_key()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe();

        Assert.Equal(598, (await sefaz.AuthorizeAsync(1, (note with { DestName = "MARIA DA SILVA" }).Signed())).InfProt().CStat());
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, note.Signed())).InfProt().CStat());
    }

    [Fact]
    public async Task Concurrent_sends_of_one_number_under_different_keys_authorize_exactly_one()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var notes = Enumerable.Range(0, 8).Select(i => new TestNfe { CNF = $"4821370{i}" }.Signed()).ToList();

        var outcomes = await Task.WhenAll(notes.Select(n => sefaz.AuthorizeAsync(1, n)));

        var codes = outcomes.Select(o => o.InfProt().CStat()).OrderBy(c => c).ToList();
        Assert.Equal([100, 539, 539, 539, 539, 539, 539, 539], codes);
    }

    [Fact]
    public async Task Another_series_or_another_issuer_may_use_the_same_number()
    {
        await using var sefaz = await SefazSession.StartAsync();

        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe().Signed())).InfProt().CStat());
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, new TestNfe { Serie = 2 }.Signed())).InfProt().CStat());
    }
}
