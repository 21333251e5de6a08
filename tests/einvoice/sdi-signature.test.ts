import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSdiNotification, SdiNotificationError } from '@/domain/einvoice/sdi-notification';
import { sdiSignatureVerifier } from '@/domain/einvoice/sdi-signature';
import { expectSchemaValid } from '../support/xsd';
import { keyPair, sign } from './signing';

const sdi = keyPair();
const unsigned = readFileSync(path.join(__dirname, '../fixtures/sdi/missing-signature.xml'), 'utf8');

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
