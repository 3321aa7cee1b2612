using System.Globalization;
using System.Text;
using static TrayBridge.SefazSimulator.Tests.Support.TestNfe;

namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>The XML text of a <see cref="TestNfe"/>, in the XSD's element order and without whitespace between tags.</summary>
public static class TestNfeXml
{
    public static string Render(TestNfe n)
    {
        var x = new StringBuilder();
        x.Append($"<NFe xmlns=\"http://www.portalfiscal.inf.br/nfe\"><infNFe versao=\"4.00\" Id=\"NFe{n.Key}\">");
        x.Append($"<ide><cUF>{n.CUF}</cUF><cNF>{n.CNF}</cNF><natOp>VENDA DE MERCADORIA</natOp><mod>55</mod><serie>{n.Serie}</serie>");
        x.Append($"<nNF>{n.Number}</nNF><dhEmi>{n.DhEmi.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}</dhEmi><tpNF>1</tpNF>");
        x.Append($"<idDest>{n.IdDest}</idDest><cMunFG>3550308</cMunFG><tpImp>1</tpImp><tpEmis>1</tpEmis><cDV>{n.Key[^1]}</cDV>");
        x.Append($"<tpAmb>{n.TpAmb}</tpAmb><finNFe>1</finNFe><indFinal>{n.IndFinal}</indFinal><indPres>2</indPres>");
        x.Append("<indIntermed>0</indIntermed><procEmi>0</procEmi><verProc>Loja 1.0</verProc></ide>");
        x.Append($"<emit><CNPJ>{n.Cnpj}</CNPJ><xNome>LOJA EXEMPLO LTDA</xNome><enderEmit><xLgr>RUA A</xLgr><nro>100</nro>");
        x.Append("<xBairro>CENTRO</xBairro><cMun>3550308</cMun><xMun>SAO PAULO</xMun><UF>SP</UF><CEP>01001000</CEP>");
        x.Append("<cPais>1058</cPais><xPais>BRASIL</xPais></enderEmit><IE>123456789012</IE>");
        x.Append($"<CRT>{n.Crt}</CRT></emit>");
        x.Append(n.DestCnpj is not null ? $"<dest><CNPJ>{n.DestCnpj}</CNPJ>" : $"<dest><CPF>{n.DestCpf}</CPF>");
        x.Append($"<xNome>{n.DestName}</xNome><enderDest><xLgr>RUA B</xLgr><nro>200</nro><xBairro>MOOCA</xBairro>");
        x.Append($"<cMun>{n.DestCMun}</cMun><xMun>{n.DestXMun}</xMun><UF>{n.DestUf}</UF><CEP>03101000</CEP><cPais>1058</cPais>");
        x.Append($"<xPais>BRASIL</xPais></enderDest><indIEDest>{n.IndIEDest}</indIEDest>");
        x.Append(n.DestIe is null ? "" : $"<IE>{n.DestIe}</IE>").Append("<email>cliente@example.com</email></dest>");
        for (var i = 0; i < n.Items.Count; i++) x.Append(Item(i + 1, n.Items[i]));
        x.Append(Totals(n));
        x.Append("<transp><modFrete>0</modFrete></transp><pag><detPag><indPag>0</indPag><tPag>03</tPag>");
        x.Append($"<vPag>{Money(n.VNF)}</vPag><card><tpIntegra>2</tpIntegra></card></detPag></pag>");
        x.Append("<infAdic><infCpl>Pedido loja 1001</infCpl></infAdic></infNFe></NFe>");
        return x.ToString();
    }

    private static string Item(int number, TestItem item)
    {
        var q = item.Quantity.ToString("0.0000", CultureInfo.InvariantCulture);
        var price = item.UnitPrice.ToString("0.0000000000", CultureInfo.InvariantCulture);
        var freight = item.Freight > 0 ? $"<vFrete>{Money(item.Freight)}</vFrete>" : "";
        return $"<det nItem=\"{number}\"><prod><cProd>SKU-{number:D3}</cProd><cEAN>SEM GTIN</cEAN><xProd>CAMISETA ALGODAO</xProd>"
               + $"<NCM>61091000</NCM><CFOP>{item.Cfop}</CFOP><uCom>UN</uCom><qCom>{q}</qCom><vUnCom>{price}</vUnCom>"
               + $"<vProd>{Money(item.Product)}</vProd><cEANTrib>SEM GTIN</cEANTrib><uTrib>UN</uTrib><qTrib>{q}</qTrib>"
               + $"<vUnTrib>{price}</vUnTrib>{freight}<indTot>1</indTot></prod><imposto><ICMS><ICMSSN102><orig>0</orig>"
               + "<CSOSN>102</CSOSN></ICMSSN102></ICMS><PIS><PISOutr><CST>99</CST><vBC>0.00</vBC><pPIS>0.0000</pPIS>"
               + "<vPIS>0.00</vPIS></PISOutr></PIS><COFINS><COFINSOutr><CST>99</CST><vBC>0.00</vBC><pCOFINS>0.0000</pCOFINS>"
               + $"<vCOFINS>0.00</vCOFINS></COFINSOutr></COFINS>{(item.Difal ? Difal(item) : "")}</imposto></det>";
    }

    // DIFAL to an RJ consumer: 20 % internal rate, 12 % interstate, all of it to the destination, FCP 2 %.
    private static string Difal(TestItem item)
    {
        var baseValue = item.Product + item.Freight;
        return $"<ICMSUFDest><vBCUFDest>{Money(baseValue)}</vBCUFDest><pFCPUFDest>2.00</pFCPUFDest><pICMSUFDest>20.00</pICMSUFDest>"
               + "<pICMSInter>12.00</pICMSInter><pICMSInterPart>100.00</pICMSInterPart>"
               + $"<vFCPUFDest>{Money(baseValue * 0.02m)}</vFCPUFDest><vICMSUFDest>{Money(baseValue * 0.08m)}</vICMSUFDest>"
               + "<vICMSUFRemet>0.00</vICMSUFRemet></ICMSUFDest>";
    }

    private static string Totals(TestNfe n)
    {
        var difal = n.Items.Where(i => i.Difal).Select(i => i.Product + i.Freight).ToList();
        var difalTotals = difal.Count == 0 ? ""
            : $"<vFCPUFDest>{Money(difal.Sum(b => decimal.Round(b * 0.02m, 2)))}</vFCPUFDest>"
              + $"<vICMSUFDest>{Money(difal.Sum(b => decimal.Round(b * 0.08m, 2)))}</vICMSUFDest><vICMSUFRemet>0.00</vICMSUFRemet>";
        return $"<total><ICMSTot><vBC>0.00</vBC><vICMS>0.00</vICMS><vICMSDeson>0.00</vICMSDeson>{difalTotals}<vFCP>0.00</vFCP>"
               + $"<vBCST>0.00</vBCST><vST>0.00</vST><vFCPST>0.00</vFCPST><vFCPSTRet>0.00</vFCPSTRet><vProd>{Money(n.VProd)}</vProd>"
               + $"<vFrete>{Money(n.VFrete)}</vFrete><vSeg>0.00</vSeg><vDesc>0.00</vDesc><vII>0.00</vII><vIPI>0.00</vIPI>"
               + $"<vIPIDevol>0.00</vIPIDevol><vPIS>0.00</vPIS><vCOFINS>0.00</vCOFINS><vOutro>0.00</vOutro>"
               + $"<vNF>{n.VNFText ?? Money(n.VNF)}</vNF></ICMSTot></total>";
    }
}
