import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { SIGNATURE_NAMESPACE } from './sdi-notification';

/**
 * A `verifySignature` for `parseSdiNotification`: the notification's one `ds:Signature` verifies with the SdI's
 * certificate (PEM, from a setting) and signs the whole document (a reference with an empty URI). A signature
 * over a part only would leave the rest open to change, so it does not count.
 */
export function sdiSignatureVerifier(certificatePem: string): (xml: string) => boolean {
  return (xml) => {
    const document = new DOMParser().parseFromString(xml, 'text/xml');
    const signatures = document.getElementsByTagNameNS(SIGNATURE_NAMESPACE, 'Signature');
    if (signatures.length !== 1) return false;
    const signed = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
    try {
      signed.loadSignature(signatures[0]);
      if (!signed.checkSignature(xml)) return false;
    } catch {
      return false;
    }
    return signed.getReferences().some((reference) => reference.isEmptyUri || reference.uri === '');
  };
}
