/**
 * Whose site this is, in readers' words: the footer's links to the organisation, its copyright and licence
 * lines, and the facts of the accessibility statement, all from `content/_data/site.yaml`. A fact the file
 * does not give (or gives only as a placeholder) is left out, never guessed.
 */
import type { SiteFacts } from "../content/schema.ts";
import { formatDay } from "./dates.ts";
import type { Link } from "./links.ts";

/** A sentence that may hold one link: `text`, then the link, then `after`. */
export interface LinkedText {
  text: string;
  link?: Link;
  after?: string;
}

/** A sentence about a day: `text`, the day as pages show it ("30 November 2026") in `<time datetime="iso">`, `after`. */
export interface DatedText {
  text: string;
  day: { text: string; iso: string };
  after: string;
}

export interface Owner {
  /** The organisation's own pages: its website, contact and privacy notice, in that order. */
  links: Link[];
  copyright: string;
  licence?: LinkedText;
}

export interface StatementFacts {
  /** How to report a problem, and how soon a reply comes. */
  report: LinkedText[];
  /** The enforcement procedure: paragraphs, then where to turn. */
  enforcement: LinkedText[];
  /** When the statement was prepared and last reviewed, as far as the site data says. */
  preparation: DatedText[];
}

/** "ADCS" in "ADCS website": the organisation's short name, from the name's brackets when it has them. */
function shortName(name: string): string {
  return /\(([^()]+)\)\s*$/.exec(name)?.[1] ?? name;
}

/** `mailto:` for an email address; a web address as it is. */
function contactHref(address: string): string {
  return address.startsWith("https://") ? address : `mailto:${address}`;
}

/** A contact as link text: the address itself for an email, what it is for a page. */
function contactLink(address: string, pageText: string): Link {
  return { text: address.startsWith("https://") ? pageText : address, href: contactHref(address) };
}

const dated = (text: string, iso: string | undefined): DatedText[] =>
  iso ? [{ text, day: { text: formatDay(iso), iso }, after: "." }] : [];

export function ownerOf(facts: SiteFacts): Owner {
  const name = shortName(facts.organisation.name);
  const links: Link[] = [{ text: `${name} website`, href: facts.organisation.website }];
  if (facts.contact) links.push({ text: `Contact ${name}`, href: contactHref(facts.contact) });
  if (facts.privacy) links.push({ text: "Privacy notice", href: facts.privacy });
  const licence: LinkedText | undefined = facts.licence
    ? facts.licenceUrl
      ? { text: "", link: { text: facts.licence, href: facts.licenceUrl } }
      : { text: facts.licence }
    : undefined;
  return { links, copyright: facts.copyright, ...(licence && { licence }) };
}

export function statementOf(facts: SiteFacts): StatementFacts {
  const { accessibility } = facts;
  const name = shortName(facts.organisation.name);
  // Where to report: the statement's own address, else the site's contact, else the organisation's website.
  const address = accessibility.report ?? facts.contact;
  const report: LinkedText[] = [
    address
      ? {
          text: "If you find a problem that is not listed on this page, or think this website does not meet the accessibility requirements, contact us: ",
          link: contactLink(address, `report an accessibility problem to ${name}`),
          after: ".",
        }
      : {
          text: `If you find a problem that is not listed on this page, or think this website does not meet the accessibility requirements, contact ${name} through `,
          link: { text: `the ${name} website`, href: facts.organisation.website },
          after: ".",
        },
  ];
  if (accessibility.responseTime) report.push({ text: `We will reply ${accessibility.responseTime}.` });
  const enforcement: LinkedText[] = accessibility.enforcement.map((text) => ({ text }));
  if (accessibility.advisoryService) {
    enforcement.push({
      text: "",
      link: { text: "The Equality Advisory and Support Service (EASS) website", href: accessibility.advisoryService },
    });
  }
  const preparation = [
    ...dated("This statement was prepared on ", accessibility.prepared),
    ...dated("It was last reviewed on ", accessibility.reviewed),
  ];
  return { report, enforcement, preparation };
}
