import { readFileSync } from 'node:fs';
import { sdiSignatureVerifier } from '@/domain/einvoice/sdi-signature';
import { createMailer, type Mailer } from '../mailer';

/**
 * How e-invoices leave (`EINVOICE_CHANNEL`): `capture` (the default) keeps each file for the back office to
 * download and send by other means; `pec` mails it to the SdI from the seller's certified mailbox.
 */
export type EInvoiceTransport =
  | { name: 'capture' }
  | { name: 'pec'; mailer: Mailer; sdiAddress: string };

/** The SdI's certified address that receives files by PEC. */
export const SDI_PEC_ADDRESS = 'sdi01@pec.fatturapa.it';

function requiredSetting(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is required when EINVOICE_CHANNEL is pec`);
  return value;
}

/** The configured channel; a configuration that cannot work is refused at start rather than at the first invoice. */
export function eInvoiceTransportFromEnv(): EInvoiceTransport {
  const channel = process.env.EINVOICE_CHANNEL?.trim() || 'capture';
  if (channel === 'capture') return { name: 'capture' };
  if (channel !== 'pec') throw new Error(`EINVOICE_CHANNEL must be capture or pec, not ${channel}`);
  const mailer = createMailer(requiredSetting('EINVOICE_PEC_SMTP_URL'), requiredSetting('EINVOICE_PEC_FROM'));
  return { name: 'pec', mailer, sdiAddress: process.env.EINVOICE_SDI_PEC?.trim() || SDI_PEC_ADDRESS };
}

/**
 * Checking the signature of imported SdI notifications against the SdI's certificate: `SDI_VERIFY_SIGNATURE=on`
 * with `SDI_CERTIFICATE` the path of its PEM. Off by default: the signature element is then only required.
 */
export function sdiSignatureCheckFromEnv(): ((xml: string) => boolean) | undefined {
  const setting = process.env.SDI_VERIFY_SIGNATURE?.trim() || 'off';
  if (setting === 'off') return undefined;
  if (setting !== 'on') throw new Error(`SDI_VERIFY_SIGNATURE must be on or off, not ${setting}`);
  const path = process.env.SDI_CERTIFICATE?.trim();
  if (!path) throw new Error('SDI_CERTIFICATE (the path of the SdI\'s certificate, PEM) is required when SDI_VERIFY_SIGNATURE is on');
  return sdiSignatureVerifier(readFileSync(path, 'utf8'));
}
