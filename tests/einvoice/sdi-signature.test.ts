import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignedXml } from 'xml-crypto';
import { parseSdiNotification, SdiNotificationError } from '@/domain/einvoice/sdi-notification';
import { sdiSignatureVerifier } from '@/domain/einvoice/sdi-signature';
import { expectSchemaValid } from '../support/xsd';

// A stand-in for the SdI's key: the tests cannot hold the real one.
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
const sdi = keyPair();
const unsigned = readFileSync(path.join(__dirname, '../fixtures/sdi/missing-signature.xml'), 'utf8');

/** Signs as the SdI does: an enveloped signature over the whole document (or, to test refusing it, one element). */
function sign(xml: string, privateKey: string, target: 'document' | 'NomeFile' = 'document'): string {
  const signer = new SignedXml({
    privateKey,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  signer.addReference({
    xpath: target === 'document' ? '/*' : "//*[local-name()='NomeFile']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    isEmptyUri: target === 'document',
  });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } });
  return signer.getSignedXml();
}

function problemOf(xml: string, verifier: (xml: string) => boolean) {
  try {
    parseSdiNotification(xml, { verifySignature: verifier });
    return 'ACCEPTED';
  } catch (error) {
    return error instanceof SdiNotificationError ? error.problem : String(error);
  }
}

const verifier = sdiSignatureVerifier(sdi.publicKey);
const signed = sign(unsigned, sdi.privateKey);

it('accepts a notification signed over the whole document with the configured key, schema-valid', async () => {
  expect(parseSdiNotification(signed, { verifySignature: verifier })).toMatchObject({ kind: 'RC', nomeFile: 'IT06363391001_00016.xml' });
  await expectSchemaValid('messaggi', { signed });
});

it('refuses it when a value was changed after signing', () => {
  expect(problemOf(signed.replace('IT06363391001_00016.xml', 'IT06363391001_00099.xml'), verifier)).toBe('BAD_SIGNATURE');
});

it('refuses a signature by another key', () => {
  expect(problemOf(sign(unsigned, keyPair().privateKey), verifier)).toBe('BAD_SIGNATURE');
});

it('refuses a valid signature that covers only part of the document', () => {
  expect(problemOf(sign(unsigned, sdi.privateKey, 'NomeFile'), verifier)).toBe('BAD_SIGNATURE');
});

it('refuses the dummy signature of the sample files', () => {
  const sample = readFileSync(path.join(__dirname, '../fixtures/sdi/IT06363391001_00016_RC_001.xml'), 'utf8');
  expect(problemOf(sample, verifier)).toBe('BAD_SIGNATURE');
});
