/**
 * A strict XML 1.0 parser for the feed tests (saxes): any well-formedness error, a character XML forbids
 * among them, throws with its line and column. Gives a small tree to query.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** The qualified name as written: `feed`, `fh:archive`. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, decoded. */
  text: string;
}

export function parseXml(xml: string, file = "document"): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const open: XmlElement[] = [root];
  parser.on("error", (error) => {
    throw new Error(`${file}: not well-formed XML: ${error.message}`);
  });
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on("text", (text) => (open.at(-1)!.text += text));
  parser.on("closetag", () => void open.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

/** The element's children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The `href` of the element's `<link rel="…">`, if it has one. */
export function linkHref(element: XmlElement, rel: string): string | undefined {
  return childrenNamed(element, "link").find((link) => link.attributes.rel === rel)?.attributes.href;
}
