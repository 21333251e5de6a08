import { parseStrictXml, XmlSyntaxError, type XmlElement } from './strict-xml';

/**
 * The SdI's answers about a sent file (MessaggiTypes_v1.1.xsd): delivered (RC), rejected with error codes (NS),
 * not deliverable (MC: valid, left in the customer's reserved area). Read strictly: anything else is refused
 * with an `SdiNotificationError` saying what is wrong, and nothing is returned.
 */
export const MESSAGES_NAMESPACE = 'http://www.fatturapa.gov.it/sdi/messaggi/v1.0';
export const SIGNATURE_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

export type SdiNotificationKind = 'RC' | 'NS' | 'MC';

export interface SdiNotification {
  kind: SdiNotificationKind;
  /** The SdI's id of the sent file (up to 12 digits), as written. */
  identificativoSdI: string;
  /** The name of the sent file the notification is about. */
  nomeFile: string;
  /** When the SdI received the file (`DataOraRicezione`, xsd:dateTime as written). */
  receivedAt: string;
  /** RC: when it was delivered (`DataOraConsegna`). */
  deliveredAt: string | null;
  /** NS: the reasons for the rejection. */
  errors: Array<{ code: string; description: string }>;
  /** MC: the SdI's explanation, when given. */
  description: string | null;
  messageId: string;
  note: string | null;
}

export type SdiNotificationProblem =
  | 'MALFORMED' | 'UNKNOWN_ROOT' | 'MISSING_ELEMENT' | 'UNEXPECTED_ELEMENT' | 'INVALID_VALUE' | 'MISSING_SIGNATURE' | 'BAD_SIGNATURE';

export class SdiNotificationError extends Error {
  constructor(readonly problem: SdiNotificationProblem, message: string) {
    super(message);
    this.name = 'SdiNotificationError';
  }
}

export interface ParseOptions {
  /**
   * Checks the notification's signature against the SdI's certificate (a setting); without it only the presence
   * of a well-formed `ds:Signature` is required.
   */
  verifySignature?: (xml: string) => boolean;
}

interface Slot { name: string; optional?: true; repeats?: number }

const SIGNATURE: Slot = { name: 'ds:Signature' };
const ARCHIVE: Slot = { name: 'RiferimentoArchivio', optional: true };
const TAIL: Slot[] = [{ name: 'MessageId' }, { name: 'PecMessageId', optional: true }, { name: 'Note', optional: true }, SIGNATURE];

// Each root's children, in the schema's sequence.
const LAYOUTS: Readonly<Record<string, { kind: SdiNotificationKind; slots: Slot[] }>> = {
  RicevutaConsegna: {
    kind: 'RC',
    slots: [{ name: 'IdentificativoSdI' }, { name: 'NomeFile' }, { name: 'DataOraRicezione' }, { name: 'DataOraConsegna' }, { name: 'Destinatario' }, ARCHIVE, ...TAIL],
  },
  NotificaScarto: {
    kind: 'NS',
    slots: [{ name: 'IdentificativoSdI' }, { name: 'NomeFile' }, { name: 'DataOraRicezione' }, ARCHIVE, { name: 'ListaErrori' }, ...TAIL],
  },
  NotificaMancataConsegna: {
    kind: 'MC',
    slots: [{ name: 'IdentificativoSdI' }, { name: 'NomeFile' }, { name: 'DataOraRicezione' }, ARCHIVE, { name: 'Descrizione', optional: true }, ...TAIL],
  },
};

const PAIR: Slot[] = [{ name: 'IdentificativoSdI' }, { name: 'NomeFile' }];
const NESTED: Readonly<Record<string, Slot[]>> = {
  Destinatario: [{ name: 'Codice' }, { name: 'Descrizione' }],
  RiferimentoArchivio: PAIR,
  ListaErrori: [{ name: 'Errore', repeats: 200 }],
  Errore: [{ name: 'Codice' }, { name: 'Descrizione' }],
};

const nameOf = (element: XmlElement) => (element.namespace === SIGNATURE_NAMESPACE ? `ds:${element.localName}` : element.localName);

/** The children by name, checked against the sequence: order, required ones, nothing unknown, all unqualified. */
function childrenIn(parent: XmlElement, slots: Slot[], where: string): Map<string, XmlElement[]> {
  if (parent.text) throw new SdiNotificationError('UNEXPECTED_ELEMENT', `${where}: text is not expected between elements`);
  const found = new Map<string, XmlElement[]>();
  let index = 0;
  for (const slot of slots) {
    const matches: XmlElement[] = [];
    while (index < parent.children.length && nameOf(parent.children[index]) === slot.name && matches.length < (slot.repeats ?? 1)) {
      const child = parent.children[index];
      if (child.namespace !== null && child.namespace !== SIGNATURE_NAMESPACE) {
        throw new SdiNotificationError('UNEXPECTED_ELEMENT', `${where}: <${slot.name}> must be unqualified, not in ${child.namespace}`);
      }
      matches.push(child);
      index += 1;
    }
    if (!matches.length && !slot.optional) {
      const current = parent.children[index];
      const later = slots.slice(slots.indexOf(slot)).map((s) => s.name);
      if (slot === SIGNATURE && current?.localName === 'Signature') {
        throw new SdiNotificationError('MISSING_SIGNATURE', `${where}: <Signature> is not in the XML Signature namespace (${SIGNATURE_NAMESPACE})`);
      }
      if (current && !later.includes(nameOf(current))) {
        throw new SdiNotificationError('UNEXPECTED_ELEMENT', `${where}: <${nameOf(current)}> is not expected here`);
      }
      if (slot === SIGNATURE) throw new SdiNotificationError('MISSING_SIGNATURE', `${where}: the SdI's signature (ds:Signature) is missing`);
      throw new SdiNotificationError('MISSING_ELEMENT', `${where}: <${slot.name}> is missing`);
    }
    found.set(slot.name, matches);
  }
  if (index < parent.children.length) {
    throw new SdiNotificationError('UNEXPECTED_ELEMENT', `${where}: <${nameOf(parent.children[index])}> is not expected here`);
  }
  return found;
}

function valueOf(element: XmlElement, where: string, valid: (text: string) => boolean, expected: string): string {
  if (element.children.length || !valid(element.text)) {
    throw new SdiNotificationError('INVALID_VALUE', `${where}/${element.localName}: ${expected}, not "${element.text.slice(0, 60)}"`);
  }
  return element.text;
}

const DATE_TIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const rules = {
  IdentificativoSdI: [(t: string) => /^\d{1,12}$/.test(t), 'an integer of up to 12 digits'],
  NomeFile: [(t: string) => t.length >= 1 && t.length <= 50, 'a file name of 1 to 50 characters'],
  DataOraRicezione: [(t: string) => DATE_TIME.test(t), 'a date and time (xsd:dateTime)'],
  DataOraConsegna: [(t: string) => DATE_TIME.test(t), 'a date and time (xsd:dateTime)'],
  MessageId: [(t: string) => t.length >= 1 && t.length <= 14, 'an id of 1 to 14 characters'],
  Codice: [(t: string) => t.length === 5, 'an error code of 5 characters'],
  CodiceDestinatario: [(t: string) => /^[A-Z0-9]{6,7}$/.test(t), 'a recipient code of 6 or 7 letters or digits'],
  Descrizione: [(t: string) => t.length <= 255, 'at most 255 characters'],
  Text: [() => true, 'text'],
} as const;

function read(found: Map<string, XmlElement[]>, name: keyof typeof rules, where: string, element = name as string): string | null {
  const first = found.get(element)?.[0];
  if (!first) return null;
  const [valid, expected] = rules[name];
  return valueOf(first, where, valid, expected);
}

function required(found: Map<string, XmlElement[]>, name: keyof typeof rules, where: string): string {
  return read(found, name, where)!;
}

function checkSignature(signature: XmlElement, where: string): void {
  const parts = signature.children.map(nameOf);
  if (parts[0] !== 'ds:SignedInfo' || parts[1] !== 'ds:SignatureValue') {
    throw new SdiNotificationError('MISSING_SIGNATURE', `${where}: ds:Signature lacks its ds:SignedInfo and ds:SignatureValue`);
  }
}

export function parseSdiNotification(xml: string, options: ParseOptions = {}): SdiNotification {
  let root: XmlElement;
  try {
    root = parseStrictXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new SdiNotificationError('MALFORMED', `Not a readable XML file: ${error.message}`);
    throw error;
  }
  const layout = root.namespace === MESSAGES_NAMESPACE ? LAYOUTS[root.localName] : undefined;
  if (!layout) {
    const known = Object.keys(LAYOUTS).join(', ');
    throw new SdiNotificationError('UNKNOWN_ROOT', `<${root.localName}> in ${root.namespace ?? 'no namespace'} is not an SdI notification this panel reads (${known} in ${MESSAGES_NAMESPACE})`);
  }
  const where = root.localName;
  if (root.attributes.get('versione') !== '1.0') {
    throw new SdiNotificationError('INVALID_VALUE', `${where}: the attribute versione must be "1.0"`);
  }
  const found = childrenIn(root, layout.slots, where);
  checkSignature(found.get(SIGNATURE.name)![0], where);
  for (const name of ['Destinatario', 'RiferimentoArchivio'] as const) {
    const element = found.get(name)?.[0];
    if (element) {
      const inner = childrenIn(element, NESTED[name], `${where}/${name}`);
      if (name === 'Destinatario') read(inner, 'CodiceDestinatario', `${where}/${name}`, 'Codice');
      else { required(inner, 'IdentificativoSdI', `${where}/${name}`); required(inner, 'NomeFile', `${where}/${name}`); }
    }
  }
  const errors = (found.get('ListaErrori') ?? []).flatMap((list) => childrenIn(list, NESTED.ListaErrori, `${where}/ListaErrori`).get('Errore')!)
    .map((error) => {
      const inner = childrenIn(error, NESTED.Errore, `${where}/ListaErrori/Errore`);
      return { code: required(inner, 'Codice', `${where}/Errore`), description: required(inner, 'Descrizione', `${where}/Errore`) };
    });
  const notification: SdiNotification = {
    kind: layout.kind,
    identificativoSdI: required(found, 'IdentificativoSdI', where),
    nomeFile: required(found, 'NomeFile', where),
    receivedAt: required(found, 'DataOraRicezione', where),
    deliveredAt: read(found, 'DataOraConsegna', where),
    errors,
    description: layout.kind === 'MC' ? read(found, 'Descrizione', where) : null,
    messageId: required(found, 'MessageId', where),
    note: read(found, 'Text', where, 'Note'),
  };
  if (options.verifySignature && !options.verifySignature(xml)) {
    throw new SdiNotificationError('BAD_SIGNATURE', `${where}: the signature does not verify against the SdI's certificate`);
  }
  return notification;
}
