/** Writing XML by hand (Open311, Atom): text and attribute values escaped, and what XML cannot carry dropped. */

// Characters XML 1.0 cannot carry at all, even escaped (controls other than tab, CR, LF; lone surrogates; U+FFFE/F).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content of an element: escaped, and without the characters XML forbids. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (between double quotes): as text, with quotes escaped too. */
export function xmlAttribute(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;');
}
