using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>Each rule rejects from the data itself, with the MOC's code and text, in a synchronous lot (104 + protNFe).</summary>
public sealed class NoteRejectionTests
{
    private static readonly TestNfe Valid = new();

    [Fact]
    public Task A_signature_that_no_longer_matches_the_content_is_297() =>
        Rejected(297, "Rejeição: Assinatura difere do calculado", Valid.Signed().Replace("CAMISETA ALGODAO", "CAMISETA POLIESTER"));

    [Fact]
    public Task A_certificate_of_another_CNPJ_root_is_213() =>
        Rejected(213, "Rejeição: CNPJ-Base do Emitente difere do CNPJ-Base do Certificado Digital",
            Valid.Signed(TestCertificates.Create("OUTRA EMPRESA SA:99888777000160")));

    [Fact]
    public Task A_certificate_of_another_branch_of_the_same_root_is_authorized() =>
        Rejected(100, "Autorizado o uso da NF-e", Valid.Signed(TestCertificates.Create("LOJA EXEMPLO LTDA:11222333000262")));

    [Fact]
    public Task A_certificate_carrying_the_CNPJ_only_in_the_ICP_Brasil_otherName_is_read() =>
        Rejected(100, "Autorizado o uso da NF-e", Valid.Signed(TestCertificates.Create("LOJA EXEMPLO LTDA", altNameCnpj: "11222333000181")));

    [Fact]
    public Task A_certificate_without_a_CNPJ_is_292() =>
        Rejected(292, "Rejeição: Certificado Assinatura sem CNPJ", Valid.Signed(TestCertificates.Create("FULANO DE TAL")));

    [Fact]
    public Task An_expired_certificate_is_291() =>
        Rejected(291, "Rejeição: Certificado Assinatura Data Validade", Valid.Signed(TestCertificates.Create(
            "LOJA EXEMPLO LTDA:11222333000181", notBefore: new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), notAfter: new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero))));

    [Fact]
    public Task A_key_with_a_wrong_check_digit_is_236() =>
        Rejected(236, "Rejeição: Chave de Acesso com dígito verificador inválido", (Valid with { KeyOverride = Valid.Key[..43] + "5" }).Signed());

    [Fact]
    public Task A_key_whose_month_is_not_dhEmi_month_is_561() =>
        Rejected(561, "Rejeição: Mês de Emissão informado na Chave de Acesso difere do Mês de Emissão da NF-e",
            (Valid with { KeyOverride = WithDigit(Valid.KeyWithoutDigit.Replace("352401", "352312")) }).Signed());

    [Fact]
    public Task A_key_whose_cNF_is_not_ide_cNF_is_562() =>
        Rejected(562, $"Rejeição: Código Numérico informado na Chave de Acesso difere do Código Numérico da NF-e [chNFe:{WithDigit(Valid.KeyWithoutDigit[..35] + "48213698")}]",
            (Valid with { KeyOverride = WithDigit(Valid.KeyWithoutDigit[..35] + "48213698") }).Signed());

    [Fact]
    public Task A_key_whose_number_is_not_nNF_is_502() =>
        Rejected(502, "Rejeição: Erro na Chave de Acesso - Campo Id não corresponde à concatenação dos campos correspondentes",
            (Valid with { KeyOverride = (Valid with { Number = 1235 }).Key }).Signed());

    [Fact]
    public Task A_production_note_sent_to_homologacao_is_252() =>
        Rejected(252, "Rejeição: Ambiente informado diverge do Ambiente de recebimento", (Valid with { TpAmb = 1 }).Signed());

    [Fact]
    public Task A_recipient_named_other_than_the_homologacao_literal_is_598() =>
        Rejected(598, "Rejeição: NF-e emitida em ambiente de homologação com Razão Social do destinatário diferente de NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL",
            (Valid with { DestName = "MARIA DA SILVA" }).Signed());

    [Fact]
    public Task A_recipient_CPF_with_wrong_digits_is_237() =>
        Rejected(237, "Rejeição: CPF do destinatário inválido", (Valid with { DestCpf = "12345678900" }).Signed());

    [Fact]
    public Task A_total_of_products_that_is_not_the_sum_of_the_items_is_564() =>
        Rejected(564, "Rejeição: Total do Produto / Serviço difere do somatório dos itens", (Valid with { VProdOverride = 99.00m }).Signed());

    [Fact]
    public Task A_note_total_that_is_not_products_plus_freight_is_610() =>
        Rejected(610, "Rejeição: Total da NF difere do somatório dos Valores compõe o valor Total da NF.", (Valid with { VNFOverride = 110.00m }).Signed());

    [Fact]
    public Task A_non_contributor_not_marked_final_consumer_is_696() =>
        Rejected(696, "Rejeição: Operação com não contribuinte deve indicar operação com consumidor final", (Valid with { IndFinal = 0 }).Signed());

    [Fact]
    public Task A_note_issued_in_the_future_is_703() =>
        Rejected(703, "Rejeição: Data-Hora de Emissão posterior ao horário de recebimento",
            (Valid with { DhEmi = SefazSession.Start.AddHours(1).ToOffset(TimeSpan.FromHours(-3)) }).Signed());

    internal static string WithDigit(string first43) => first43 + TestNfe.CheckDigit(first43);

    internal static async Task Rejected(int code, string reason, string signedNfe)
    {
        await using var sefaz = await SefazSession.StartAsync();
        var answer = await sefaz.AuthorizeAsync(1, signedNfe);
        Assert.Equal((104, code, reason), answer.Outcome());
    }
}
