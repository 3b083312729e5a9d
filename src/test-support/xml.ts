/** An element of a parsed XML document: its name, attributes (entities decoded), children and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity in ${where}: ${match}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-fA-F]+$/.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    throw new Error(`unknown entity &${name}; in ${where}`);
  });
}

/**
 * A strict parser for the XML our SVG writers produce (elements, attributes, text, an optional XML
 * declaration; no DTD, comments or CDATA): throws on anything not well-formed, so a test that parses
 * an SVG proves it would open in a browser.
 */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const name = (): string => {
    const match = NAME.exec(source.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };

  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected "<"');
    at++;
    const node: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected whitespace before an attribute');
      const attribute = name();
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (source[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated attribute value');
      node.attributes[attribute] = decode(source.slice(at + 1, end), `attribute ${attribute}`);
      at = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) fail(`unclosed <${node.name}>`);
      node.text += decode(source.slice(at, next), `text of <${node.name}>`);
      at = next;
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected ">"');
        at++;
        return node;
      }
      node.children.push(element());
    }
  };

  if (source.startsWith('<?xml')) {
    at = source.indexOf('?>') + 2;
    if (at < 2) fail('unterminated XML declaration');
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** Every element named `name` in the tree, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((child) => elementsNamed(child, name))];
}

/** The text of an element and all its descendants. */
export function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join('');
}
