import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element of a well-formed document, its name resolved to a namespace. */
export interface XmlElement {
  namespace: string | null;
  localName: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded, CDATA as is), trimmed. */
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const ATTRIBUTE_PREFIX = '@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  cdataPropName: CDATA,
});

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's predefined entities and character references; any other entity makes the document malformed. */
function decode(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`A bare "&" is not allowed in text: ${whole}`);
    if (PREDEFINED[name]) return PREDEFINED[name];
    const reference = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (!reference) throw new XmlSyntaxError(`Undefined entity &${name};`);
    const codePoint = reference[1].startsWith('x') ? parseInt(reference[1].slice(1), 16) : Number(reference[1]);
    if (codePoint > 0x10ffff || codePoint === 0) throw new XmlSyntaxError(`Invalid character reference ${whole}`);
    return String.fromCodePoint(codePoint);
  });
}

function toElement(node: OrderedNode, scope: ReadonlyMap<string, string>): XmlElement {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES)!;
  const attributes = new Map<string, string>();
  const inScope = new Map(scope);
  for (const [key, raw] of Object.entries(node[ATTRIBUTES] ?? {})) {
    const attribute = key.slice(ATTRIBUTE_PREFIX.length);
    const value = decode(raw);
    if (attribute === 'xmlns') inScope.set('', value);
    else if (attribute.startsWith('xmlns:')) inScope.set(attribute.slice('xmlns:'.length), value);
    else attributes.set(attribute, value);
  }
  const [prefix, localName] = name.includes(':') ? name.split(':', 2) : ['', name];
  const namespace = inScope.get(prefix);
  if (prefix && namespace === undefined) throw new XmlSyntaxError(`The prefix "${prefix}" of <${name}> is not declared`);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of node[name] as OrderedNode[]) {
    if (TEXT in child) text += decode(String(child[TEXT]));
    else if (CDATA in child) text += (child[CDATA] as OrderedNode[]).map((c) => String(c[TEXT] ?? '')).join('');
    else children.push(toElement(child, inScope));
  }
  return { namespace: namespace || null, localName, attributes, children, text: text.trim() };
}

/**
 * The root element of a well-formed XML document in UTF-8, read strictly: no DOCTYPE (no entity expansion),
 * one root, matching tags, no undefined entity, every prefix declared. Throws `XmlSyntaxError` otherwise.
 */
export function parseStrictXml(xml: string): XmlElement {
  const text = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text)) throw new XmlSyntaxError('A DOCTYPE is not allowed');
  const declaredEncoding = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declaredEncoding && declaredEncoding.toUpperCase() !== 'UTF-8') throw new XmlSyntaxError(`Only UTF-8 is read, not ${declaredEncoding}`);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new XmlSyntaxError(`Not well-formed XML (line ${verdict.err.line}, column ${verdict.err.col}): ${verdict.err.msg}`);
  const nodes = (parser.parse(text) as OrderedNode[]).filter((node) => !Object.keys(node).some((key) => key.startsWith('?')));
  if (nodes.length !== 1 || TEXT in nodes[0]) throw new XmlSyntaxError('A document has exactly one root element');
  return toElement(nodes[0], new Map());
}
