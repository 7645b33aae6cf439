/**
 * Test helpers for Open311 (imported by tests only): a strict little reader for the XML documents
 * of GeoReport v2 (elements and text, no attributes or namespaces), so tests compare documents
 * element by element and in order, and the field orders of the spec's examples.
 */

/** An element: its name and either its text or its child elements, in document order. */
export type XmlNode = { name: string; text: string } | { name: string; children: XmlNode[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`Unknown entity ${whole}`);
    return v;
  });
}

/** Parses a document; throws on anything malformed (unclosed or mismatched tags, stray `<` or `&`). */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  const decl = /^\s*<\?xml[^?]*\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const readElement = (): XmlNode => {
    skipSpace();
    const open = /^<([A-Za-z_][\w.-]*)\s*(\/?)>/.exec(xml.slice(i));
    if (!open) throw new Error(`Expected an element at ${i}: ${xml.slice(i, i + 30)}`);
    i += open[0].length;
    const name = open[1]!;
    if (open[2]) return { name, text: '' };
    const start = i;
    const children: XmlNode[] = [];
    for (;;) {
      const textEnd = xml.indexOf('<', i);
      if (textEnd < 0) throw new Error(`Unclosed <${name}>`);
      if (xml.startsWith(`</${name}>`, textEnd)) {
        const text = xml.slice(start, textEnd);
        i = textEnd + name.length + 3;
        if (children.length) return { name, children };
        if (text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, '').includes('&')) throw new Error(`Unescaped & in <${name}>`);
        return { name, text: decode(text) };
      }
      if (xml.slice(i, textEnd).trim() !== '' && children.length) throw new Error(`Mixed content in <${name}>`);
      i = textEnd;
      children.push(readElement());
    }
  };
  const root = readElement();
  skipSpace();
  if (i !== xml.length) throw new Error('Content after the root element');
  return root;
}

/** The names of an element's children, in order. */
export const childNames = (node: XmlNode): string[] => ('children' in node ? node.children.map((c) => c.name) : []);

/** A child's text (`''` for an empty element). */
export function childText(node: XmlNode, name: string): string | undefined {
  if (!('children' in node)) return undefined;
  const child = node.children.find((c) => c.name === name);
  return child && 'text' in child ? child.text : undefined;
}

/**
 * An element as a comparable value: text → string, children → `[name, value][]` in order. Two
 * documents with equal `shape` have the same elements, in the same order, with the same texts.
 */
export type Shape = string | [string, Shape][];
export const shape = (node: XmlNode): Shape =>
  'text' in node ? node.text : node.children.map((c) => [c.name, shape(c)] as [string, Shape]);

/** The field orders of the spec's examples (https://wiki.open311.org/GeoReport_v2). */
export const SPEC_FIELDS = {
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  serviceDefinition: ['service_code', 'attributes'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
  value: ['key', 'name'],
  created: ['service_request_id', 'service_notice', 'account_id'],
  token: ['service_request_id', 'token'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  error: ['code', 'description'],
} as const;
