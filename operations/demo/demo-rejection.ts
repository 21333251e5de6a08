import { IsNull, type DataSource } from 'typeorm';
import { EInvoice, Invoice } from '@/entities';
import { importSdiNotification } from '../einvoices/import-sdi-notification';

/** A rejection as the SdI writes it (NotificaScarto), about one file; its signature is a placeholder. */
function rejectionOf(fileName: string, receivedAt: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<types:NotificaScarto xmlns:types="http://www.fatturapa.gov.it/sdi/messaggi/v1.0" versione="1.0">
  <IdentificativoSdI>100000001</IdentificativoSdI>
  <NomeFile>${fileName}</NomeFile>
  <DataOraRicezione>${receivedAt}</DataOraRicezione>
  <ListaErrori>
    <Errore>
      <Codice>00311</Codice>
      <Descrizione>1.1.4 &lt;CodiceDestinatario&gt; non valido</Descrizione>
    </Errore>
  </ListaErrori>
  <MessageId>100000001</MessageId>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
    <ds:SignedInfo>
      <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
      <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
      <ds:Reference URI="">
        <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
        <ds:DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</ds:DigestValue>
      </ds:Reference>
    </ds:SignedInfo>
    <ds:SignatureValue>ZGVtbw==</ds:SignatureValue>
  </ds:Signature>
</types:NotificaScarto>
`;
}

/**
 * Demo: the newest e-invoice of the account rejected by the SdI, for the back office to send again. The demo's
 * own notification, imported without the signature check (it is not the SdI's).
 */
export async function rejectNewestEInvoice(db: DataSource, accountId: string): Promise<void> {
  const invoice = await db.getRepository(Invoice).findOneOrFail({ where: { accountId }, order: { year: 'DESC', number: 'DESC' } });
  const file = await db.getRepository(EInvoice).findOneByOrFail({ invoiceId: invoice.id, supersededById: IsNull() });
  const rejection = rejectionOf(file.fileName, `${invoice.issuedOn}T10:00:00.000+01:00`);
  await importSdiNotification(db, null, { fileName: file.fileName.replace(/\.xml$/, '_NS_001.xml'), xml: rejection }, {});
}
