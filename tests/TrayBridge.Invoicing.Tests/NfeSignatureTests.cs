using System.Xml;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

public sealed class NfeSignatureTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "nfe-md-2.2-unsigned.xml"));
    private static readonly string Signed = NfeSigner.Sign(Example, TestCertificates.For(TestCertificates.ExampleCnpj));

    [Fact]
    public void The_signature_is_the_NF_e_profile_and_verification_returns_the_signing_certificate()
    {
        var certificate = NfeSignature.Verify(Signed);

        Assert.Equal(TestCertificates.For(TestCertificates.ExampleCnpj).Thumbprint, certificate.Thumbprint);
        Assert.Equal("11222333", CertificateCnpj.RootOf(certificate));
        Assert.Contains("</infNFe><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>", Signed);
        Assert.Contains("<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\" />", Signed.Replace("\"/>", "\" />"));
        Assert.Contains("xmldsig#rsa-sha1", Signed);
        Assert.Contains("<Reference URI=\"#NFe35240111222333000181550010000012341482136974\">", Signed);
        Assert.EndsWith("</Signature></NFe>", Signed);
    }

    [Theory]
    [InlineData("<vNF>109.80</vNF>", "<vNF>19.80</vNF>")]
    [InlineData("<xNome>LOJA EXEMPLO LTDA</xNome>", "<xNome>LOJA EXEMPLA LTDA</xNome>")]
    [InlineData("<nNF>1234</nNF>", "<nNF>1235</nNF>")]
    [InlineData("<vProd>99.80</vProd><cEANTrib>", "<vProd>99.80</vProd> <cEANTrib>")]
    public void Changing_one_value_after_signing_fails_verification(string from, string to)
    {
        var tampered = Signed.Replace(from, to);
        Assert.NotEqual(Signed, tampered);

        var error = Assert.Throws<NfeSignatureException>(() => NfeSignature.Verify(tampered));
        Assert.Contains("297", error.Message);
        Assert.False(NfeSignature.TryVerify(tampered, out _, out var reason));
        Assert.NotNull(reason);
    }

    [Fact]
    public void A_signature_that_does_not_reference_this_notes_infNFe_is_refused()
    {
        var elsewhere = Signed.Replace("URI=\"#NFe3524", "URI=\"#NFe3525").Replace("Id=\"NFe3524", "Id=\"NFe3525");
        var wrongReference = Signed.Replace("URI=\"#NFe35240111222333000181550010000012341482136974\"", "URI=\"\"");

        Assert.Throws<NfeSignatureException>(() => NfeSignature.Verify(elsewhere));
        Assert.Contains("298", Assert.Throws<NfeSignatureException>(() => NfeSignature.Verify(wrongReference)).Message);
        Assert.Contains("not signed", Assert.Throws<NfeSignatureException>(() => NfeSignature.Verify(Example)).Message);
    }

    [Fact]
    public void A_certificate_of_another_CNPJ_root_cannot_sign_for_the_emitter()
    {
        var other = TestCertificates.For("11444777000161", "OUTRA LOJA LTDA");
        var branch = TestCertificates.For("11222333000262", "LOJA EXEMPLO LTDA FILIAL");

        Assert.Contains("213", Assert.Throws<NfeSignatureException>(() => NfeSigner.Sign(Example, other)).Message);
        Assert.Throws<NfeSignatureException>(() => NfeSigner.Sign(Example, TestCertificates.WithoutCnpj()));
        // A branch's certificate shares the root (the first 8 digits), which is all SEFAZ compares.
        Assert.Equal("11222333", CertificateCnpj.RootOf(NfeSignature.Verify(NfeSigner.Sign(Example, branch))));
        Assert.Throws<NfeSignatureException>(() => NfeSigner.Sign(Signed, TestCertificates.For(TestCertificates.ExampleCnpj)));
    }

    [Fact]
    public void The_CNPJ_is_read_from_the_subject_alternative_name_or_else_from_the_CN()
    {
        Assert.Equal("11222333000181", CertificateCnpj.Of(TestCertificates.For(TestCertificates.ExampleCnpj)));
        Assert.Equal("11444777000161", CertificateCnpj.Of(TestCertificates.WithCnpjInSubjectOnly("11444777000161")));
        Assert.Equal("12ABC345", CertificateCnpj.RootOf(TestCertificates.For("12ABC34501DE35")));
        Assert.Null(CertificateCnpj.RootOf(TestCertificates.WithoutCnpj()));
        Assert.True(CertificateCnpj.SameRoot(TestCertificates.For(TestCertificates.ExampleCnpj), "11222333000262"));
    }

    [Fact]
    public void A_note_inside_a_larger_document_verifies_as_an_element()
    {
        var lot = new XmlDocument { PreserveWhitespace = true };
        lot.LoadXml($"<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>1</idLote><indSinc>1</indSinc>{Signed}</enviNFe>");

        var nfe = (XmlElement)lot.GetElementsByTagName("NFe", "http://www.portalfiscal.inf.br/nfe")[0]!;
        Assert.Equal("11222333", CertificateCnpj.RootOf(NfeSignature.Verify(nfe)));
    }
}
