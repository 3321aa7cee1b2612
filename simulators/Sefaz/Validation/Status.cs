namespace TrayBridge.SefazSimulator.Validation;

/// <summary>A cStat with its xMotivo, as SEFAZ answers it.</summary>
public sealed record Status(int Code, string Reason)
{
    public bool Authorizes => Code is 100 or 150;
}

/// <summary>
/// The codes the simulator answers, with the texts of the MOC's rejection table (as listed by sped-nfe's
/// <c>storage/cstat.json</c> and nfe.md §4). Texts with a bracketed part are completed by <see cref="With"/>.
/// </summary>
public static class Codes
{
    public static readonly Status Authorized = new(100, "Autorizado o uso da NF-e");
    public static readonly Status InutilizacaoHomologada = new(102, "Inutilização de número homologado");
    public static readonly Status LotReceived = new(103, "Lote recebido com sucesso");
    public static readonly Status LotProcessed = new(104, "Lote processado");
    public static readonly Status LotInProcess = new(105, "Lote em processamento");
    public static readonly Status LotNotFound = new(106, "Lote não localizado");
    public static readonly Status InOperation = new(107, "Serviço em Operação");
    public static readonly Status PausedShortTerm = new(108, "Serviço Paralisado Momentaneamente (curto prazo)");
    public static readonly Status PausedNoForecast = new(109, "Serviço Paralisado sem Previsão");
    public static readonly Status CancellationHomologated = new(101, "Cancelamento de NF-e homologado");
    public static readonly Status EventLotProcessed = new(128, "Lote de Evento Processado");
    public static readonly Status EventRegistered = new(135, "Evento registrado e vinculado a NF-e");
    public static readonly Status CancellationLate = new(155, "Cancelamento homologado fora de prazo");
    public static readonly Status AuthorizedLate = new(150, "Autorizado o uso da NF-e, autorização fora de prazo");
    /// <summary>Uso denegado: the recipient's fiscal situation is irregular; the number is used up with a protocol.</summary>
    public static readonly Status DeniedRecipient = new(302, "Uso Denegado: Irregularidade fiscal do destinatário");
    public static readonly Status Duplicate = new(204, "Rejeição: Duplicidade de NF-e [nProt:{0}][dhAut: {1}]");
    public static readonly Status NumberVoided = new(206, "Rejeição: NF-e já está inutilizada na Base de dados da SEFAZ");
    public static readonly Status EmitterCnpjInvalid = new(207, "Rejeição: CNPJ do emitente inválido");
    public static readonly Status RecipientCnpjInvalid = new(208, "Rejeição: CNPJ do destinatário inválido");
    public static readonly Status RecipientIeInvalid = new(210, "Rejeição: IE do destinatário inválida");
    public static readonly Status CertificateRootDiffers = new(213, "Rejeição: CNPJ-Base do Emitente difere do CNPJ-Base do Certificado Digital");
    public static readonly Status MessageTooLarge = new(214, "Rejeição: Tamanho da mensagem excedeu o limite estabelecido");
    public static readonly Status SchemaFailure = new(215, "Rejeição: Falha no schema XML");
    public static readonly Status NotInDatabase = new(217, "Rejeição: NF-e não consta na base de dados da SEFAZ");
    public static readonly Status RangeInverted = new(224, "Rejeição: A faixa inicial é maior que a faixa final");
    public static readonly Status LotSchemaFailure = new(225, "Rejeição: Falha no Schema XML do lote de NFe");
    public static readonly Status RecipientIeMissing = new(232, "Rejeição: IE do destinatário não informada");
    public static readonly Status KeyCheckDigit = new(236, "Rejeição: Chave de Acesso com dígito verificador inválido");
    public static readonly Status RecipientCpfInvalid = new(237, "Rejeição: CPF do destinatário inválido");
    public static readonly Status RangeUsed = new(241, "Rejeição: Um número da faixa já foi utilizado");
    public static readonly Status Malformed = new(243, "Rejeição: XML Mal Formado");
    public static readonly Status EnvironmentDiffers = new(252, "Rejeição: Ambiente informado diverge do Ambiente de recebimento");
    public static readonly Status RangeVoided = new(256, "Rejeição: Uma NF-e da faixa já está inutilizada na Base de dados da SEFAZ");
    public static readonly Status CertificateValidity = new(291, "Rejeição: Certificado Assinatura Data Validade");
    public static readonly Status CertificateWithoutCnpj = new(292, "Rejeição: Certificado Assinatura sem CNPJ");
    public static readonly Status SignatureDiffers = new(297, "Rejeição: Assinatura difere do calculado");
    public static readonly Status SignatureNotStandard = new(298, "Rejeição: Assinatura difere do padrão do Sistema");
    public static readonly Status SingleNoteAsync = new(452, "Rejeição: Solicitada resposta assíncrona para Lote com somente 1 (uma) NF-e");
    public static readonly Status ProtocolDiffers = new(222, "Rejeição: Protocolo de Autorização de Uso difere do cadastrado");
    public static readonly Status CancellationDeadline = new(501, "Rejeição: Prazo de cancelamento superior ao previsto na Legislação");
    public static readonly Status EventIdDiffers = new(572, "Rejeição: Erro Atributo ID do evento não corresponde a concatenação dos campos (\"ID\" + tpEvento + chNFe + nSeqEvento)");
    public static readonly Status EventDuplicate = new(573, "Rejeição: Duplicidade de Evento");
    public static readonly Status EventAuthorDiffers = new(574, "Rejeição: O autor do evento diverge do emissor da NF-e");
    public static readonly Status EventInFuture = new(578, "Rejeição: A data do evento não pode ser maior que a data do processamento");
    public static readonly Status EventNeedsAuthorizedNote = new(580, "Rejeição: O evento exige uma NF-e autorizada");
    public static readonly Status EventSequence = new(594, "Rejeição: O número de sequencia do evento informado é maior que o permitido");
    public static readonly Status KeyFieldsDiffer = new(502, "Rejeição: Erro na Chave de Acesso - Campo Id não corresponde à concatenação dos campos correspondentes");
    public static readonly Status DuplicateOtherKey = new(539, "Rejeição: Duplicidade de NF-e com diferença na Chave de Acesso [chNFe: {0}][nProt:{1}][dhAut: {2}]");
    public static readonly Status KeyMonth = new(561, "Rejeição: Mês de Emissão informado na Chave de Acesso difere do Mês de Emissão da NF-e");
    public static readonly Status KeyNumericCode = new(562, "Rejeição: Código Numérico informado na Chave de Acesso difere do Código Numérico da NF-e [chNFe:{0}]");
    public static readonly Status ProductTotal = new(564, "Rejeição: Total do Produto / Serviço difere do somatório dos itens");
    public static readonly Status EditingCharacters = new(588, "Rejeição: Não é permitida a presença de caracteres de edição no início/fim da mensagem ou entre as tags da mensagem");
    public static readonly Status HomologationName = new(598, "Rejeição: NF-e emitida em ambiente de homologação com Razão Social do destinatário diferente de NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL");
    public static readonly Status InvoiceTotal = new(610, "Rejeição: Total da NF difere do somatório dos Valores compõe o valor Total da NF.");
    public static readonly Status DifalMissing = new(694, "Rejeição: Não informado o grupo de ICMS para a UF de destino [nItem:{0}]");
    public static readonly Status NonContributorNotFinal = new(696, "Rejeição: Operação com não contribuinte deve indicar operação com consumidor final");
    public static readonly Status IssuedInFuture = new(703, "Rejeição: Data-Hora de Emissão posterior ao horário de recebimento");
    public static readonly Status SyncWithManyNotes = new(764, "Rejeição: Solicitada resposta síncrona para Lote com mais de uma NF-e (indSinc=1)");

    public static Status With(this Status status, params object[] values) =>
        status with { Reason = string.Format(System.Globalization.CultureInfo.InvariantCulture, status.Reason, values) };
}
