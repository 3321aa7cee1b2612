using TrayBridge.SefazSimulator.Tests.Support;
using static TrayBridge.SefazSimulator.Tests.NoteRejectionTests;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>DIFAL (nfe.md §2.4) and the recipient's state registration.</summary>
public sealed class FiscalRuleTests
{
    // An interstate B2C sale from SP to a consumer in Rio de Janeiro.
    private static readonly TestNfe ToRio = new()
    {
        IdDest = 2, DestUf = "RJ", DestCMun = "3304557", DestXMun = "RIO DE JANEIRO",
        Items = [new TestItem(Cfop: "6108"), new TestItem(Quantity: 1, UnitPrice: 30m, Freight: 0, Cfop: "6108")],
    };

    // A company in SP that is an ICMS contributor (indIEDest=1) buying for resale.
    private static readonly TestNfe ToContributor = new()
    {
        DestCpf = null, DestCnpj = "11444777000161", IndIEDest = 1, DestIe = "110042490114", IndFinal = 0,
    };

    [Fact]
    public Task An_interstate_sale_to_a_non_contributor_final_consumer_without_DIFAL_names_the_first_item_without_it_694() =>
        Rejected(694, "Rejeição: Não informado o grupo de ICMS para a UF de destino [nItem:2]",
            (ToRio with { Crt = 3, Items = [ToRio.Items[0] with { Difal = true }, ToRio.Items[1]] }).Signed());

    // DIFAL is not due from the Simples Nacional (STF, ADI 5464/5469): the MOC's rule 694 exempts CRT 1.
    [Fact]
    public Task A_Simples_Nacional_emitters_interstate_sale_to_a_consumer_needs_no_DIFAL_group() =>
        Rejected(100, "Autorizado o uso da NF-e", ToRio.Signed());

    [Fact]
    public async Task An_authorizer_that_still_asks_the_Simples_Nacional_for_the_group_rejects_without_it()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.UpdateSettings(s => s with { SimplesDifalGroupRequired = true });

        Assert.Equal((104, 694, "Rejeição: Não informado o grupo de ICMS para a UF de destino [nItem:1]"), (await sefaz.AuthorizeAsync(1, ToRio.Signed())).Outcome());
        var zeroed = ToRio with { Number = 1235, Items = [.. ToRio.Items.Select(i => i with { Difal = true })] };
        Assert.Equal((104, 100, "Autorizado o uso da NF-e"), (await sefaz.AuthorizeAsync(1, zeroed.Signed())).Outcome());
    }

    [Fact]
    public Task An_interstate_sale_with_DIFAL_in_every_item_is_authorized() =>
        Rejected(100, "Autorizado o uso da NF-e", (ToRio with { Items = [.. ToRio.Items.Select(i => i with { Difal = true })] }).Signed());

    [Fact]
    public Task An_interstate_sale_to_a_contributor_needs_no_DIFAL() =>
        Rejected(100, "Autorizado o uso da NF-e", (ToRio with
        {
            DestCpf = null, DestCnpj = "11444777000161", IndIEDest = 1, DestIe = "12345674", IndFinal = 0,
        }).Signed());

    [Fact]
    public Task A_contributor_with_a_valid_SP_state_registration_is_authorized() =>
        Rejected(100, "Autorizado o uso da NF-e", ToContributor.Signed());

    [Fact]
    public Task A_recipient_state_registration_with_a_wrong_check_digit_for_its_UF_is_210() =>
        Rejected(210, "Rejeição: IE do destinatário inválida", (ToContributor with { DestIe = "110042490115" }).Signed());

    [Fact]
    public Task A_contributor_without_a_state_registration_is_232() =>
        Rejected(232, "Rejeição: IE do destinatário não informada", (ToContributor with { DestIe = null }).Signed());

    [Fact]
    public Task A_recipient_CNPJ_with_wrong_digits_is_208() =>
        Rejected(208, "Rejeição: CNPJ do destinatário inválido", (ToContributor with { DestCnpj = "11444777000162" }).Signed());
}
