import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSdiNotification, SdiNotificationError, type SdiNotificationProblem } from '@/domain/einvoice/sdi-notification';
import { schemaErrors } from '../support/xsd';

const FIXTURES = path.join(__dirname, '../fixtures/sdi');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function refusal(xml: string, options?: Parameters<typeof parseSdiNotification>[1]): SdiNotificationError {
  try {
    parseSdiNotification(xml, options);
  } catch (error) {
    if (error instanceof SdiNotificationError) return error;
    throw error;
  }
  throw new Error('the notification was accepted');
}

describe('the three notifications', () => {
  it('reads a delivery receipt (RC)', () => {
    expect(parseSdiNotification(fixture('IT06363391001_00016_RC_001.xml'))).toEqual({
      kind: 'RC', identificativoSdI: '111222333', nomeFile: 'IT06363391001_00016.xml', receivedAt: '2026-07-02T10:15:30.000+02:00',
      deliveredAt: '2026-07-02T10:17:02.000+02:00', errors: [], description: null, messageId: '123456789', note: 'Consegna effettuata',
    });
  });

  it('reads a rejection (NS) with every error code and description, entities decoded', () => {
    const notification = parseSdiNotification(fixture('IT06363391001_00017_NS_001.xml'));
    expect(notification).toMatchObject({ kind: 'NS', identificativoSdI: '111222334', nomeFile: 'IT06363391001_00017.xml', messageId: '123456790', deliveredAt: null });
    expect(notification.errors).toEqual([
      { code: '00305', description: '1.4.1.1.2 <IdCodice> non valido : 12345678903' },
      { code: '00417', description: '1.4.1.1 <IdFiscaleIVA> e 1.4.1.2 <CodiceFiscale> non valorizzati (almeno uno dei due deve essere valorizzato)' },
    ]);
  });

  it('reads a failed delivery (MC) with its description', () => {
    expect(parseSdiNotification(fixture('IT06363391001_00018_MC_001.xml'))).toMatchObject({
      kind: 'MC', nomeFile: 'IT06363391001_00018.xml', receivedAt: '2026-07-02T12:00:00.000+02:00', messageId: '123456791', errors: [],
      description: expect.stringMatching(/^Il file è a disposizione del destinatario/),
    });
  });
});

describe('refusals', () => {
  it.each<[string, SdiNotificationProblem, RegExp]>([
    ['malformed-truncated.xml', 'MALFORMED', /Not a readable XML file/],
    ['malformed-mismatched-tag.xml', 'MALFORMED', /NomeFil/],
    ['unknown-root-esito.xml', 'UNKNOWN_ROOT', /<NotificaEsito>.*RicevutaConsegna, NotificaScarto, NotificaMancataConsegna/],
    ['unknown-root-namespace.xml', 'UNKNOWN_ROOT', /http:\/\/example\.org\/other/],
    ['missing-element-lista-errori.xml', 'MISSING_ELEMENT', /NotificaScarto: <ListaErrori> is missing/],
    ['missing-signature.xml', 'MISSING_SIGNATURE', /ds:Signature\) is missing/],
    ['invalid-value-date.xml', 'INVALID_VALUE', /DataOraRicezione: a date and time/],
    ['invalid-value-versione.xml', 'INVALID_VALUE', /versione/],
    ['unexpected-element-order.xml', 'MISSING_ELEMENT', /<NomeFile> is missing/],
  ])('refuses %s: %s', (name, problem, message) => {
    const error = refusal(fixture(name));
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(message);
  });

  const rc = fixture('IT06363391001_00016_RC_001.xml');
  it.each<[string, string, SdiNotificationProblem]>([
    ['a DOCTYPE (no entity expansion)', rc.replace('<types:', '<!DOCTYPE x [<!ENTITY a "b">]>\n<types:'), 'MALFORMED'],
    ['an undefined entity', rc.replace('Consegna effettuata', 'Consegna &nbsp; effettuata'), 'MALFORMED'],
    ['two roots', `${rc}<other/>`, 'MALFORMED'],
    ['an undeclared prefix', rc.replace('<MessageId>123456789</MessageId>', '<x:MessageId>123456789</x:MessageId>'), 'MALFORMED'],
    ['another encoding', rc.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'MALFORMED'],
    ['an unknown element', rc.replace('<Note>', '<Extra>1</Extra><Note>'), 'UNEXPECTED_ELEMENT'],
    ['a qualified child', rc.replace('<MessageId>123456789</MessageId>', '<types:MessageId>123456789</types:MessageId>'), 'UNEXPECTED_ELEMENT'],
    ['stray text', rc.replace('<Note>', 'text<Note>'), 'UNEXPECTED_ELEMENT'],
    ['a 13-digit SdI id', rc.replace('111222333', '1234567890123'), 'INVALID_VALUE'],
    ['an empty signature', rc.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>'), 'MISSING_SIGNATURE'],
    ['a signature in another namespace', rc.replace('xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', 'xmlns:ds="urn:not-xmldsig"'), 'MISSING_SIGNATURE'],
    ['an empty file', '', 'MALFORMED'],
  ])('refuses %s', (_case, xml, problem) => {
    expect(refusal(xml).problem).toBe(problem);
  });
});

describe('signature verification hook', () => {
  const rc = fixture('IT06363391001_00016_RC_001.xml');

  it('passes the file to the verifier and refuses what it rejects', () => {
    const seen: string[] = [];
    expect(parseSdiNotification(rc, { verifySignature: (xml) => (seen.push(xml), true) }).kind).toBe('RC');
    expect(seen).toEqual([rc]);
    const error = refusal(rc, { verifySignature: () => false });
    expect([error.problem, error.message]).toEqual(['BAD_SIGNATURE', expect.stringMatching(/does not verify/)]);
  });
});

describe('against the official MessaggiTypes schema', () => {
  it('the accepted fixtures are schema-valid and the malformed ones are not', async () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml'));
    const errors = await schemaErrors('messaggi', Object.fromEntries(files.map((name) => [name, fixture(name)])));
    const verdicts = Object.fromEntries(files.map((name) => [name, errors[name].length === 0]));
    expect(verdicts).toEqual({
      'IT06363391001_00016_RC_001.xml': true,
      'IT06363391001_00017_NS_001.xml': true,
      'IT06363391001_00018_MC_001.xml': true,
      // A real SdI message, valid, but not one this panel imports.
      'unknown-root-esito.xml': true,
      'invalid-value-date.xml': false,
      'invalid-value-versione.xml': false,
      'malformed-mismatched-tag.xml': false,
      'malformed-truncated.xml': false,
      'missing-element-lista-errori.xml': false,
      'missing-signature.xml': false,
      'unexpected-element-order.xml': false,
      'unknown-root-namespace.xml': false,
    });
  });
});
