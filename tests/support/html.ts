import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * Queries over a rendered page by role, accessible name and label, in the
 * spirit of Testing Library and Playwright's `getByRole`/`getByLabel`, so
 * tests read a page the way assistive technology does instead of matching
 * regular expressions against its markup. The ARIA rules are simplified to
 * what the platform's pages use; names are compared with whitespace
 * collapsed, exactly for a string, or with a regular expression.
 */

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];
/** A page's HTML, a parsed page, or an element to search within. */
export type HtmlRoot = string | HtmlDocument | HtmlElement;
export type NameMatcher = string | RegExp;

let lastParsed: { html: string; document: HtmlDocument } | undefined;

/** Parses a page; parsing the same text twice in a row reuses the first result. */
export function parseHtml(html: string): HtmlDocument {
  if (lastParsed?.html !== html) lastParsed = { html, document: parseDocument(html) };
  return lastParsed.document;
}

const rootOf = (root: HtmlRoot) => (typeof root === 'string' ? parseHtml(root) : root);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of a node as it reads, whitespace collapsed, images by their alt text. */
export function textOf(node: HtmlElement | HtmlDocument): string {
  const parts: string[] = [];
  const walk = (current: HtmlElement | HtmlDocument) => {
    for (const child of current.children) {
      if (DomUtils.isText(child)) parts.push(child.data);
      else if (DomUtils.isTag(child)) {
        if (child.name === 'img') parts.push(` ${child.attribs.alt ?? ''} `);
        else if (child.name !== 'script' && child.name !== 'style' && child.name !== 'template') walk(child);
      }
    }
  };
  walk(node);
  return collapse(parts.join(''));
}

function matches(value: string, matcher: NameMatcher): boolean {
  return typeof matcher === 'string' ? value === collapse(matcher) : matcher.test(value);
}

function documentOf(element: HtmlElement): HtmlDocument | HtmlElement {
  let top: HtmlElement | HtmlDocument = element;
  while (top.parent) top = top.parent as HtmlElement | HtmlDocument;
  return top;
}

const byId = (element: HtmlElement, id: string) => DomUtils.getElementById(id, documentOf(element).children);

/** True when the element or one of its ancestors is hidden from everyone. */
function isHidden(element: HtmlElement): boolean {
  for (let current: HtmlElement | null = element; current && DomUtils.isTag(current); current = current.parent as HtmlElement | null) {
    if ('hidden' in current.attribs || current.attribs['aria-hidden'] === 'true' || current.name === 'template') return true;
  }
  return false;
}

const TEXTBOX_TYPES = new Set(['', 'text', 'email', 'url', 'tel']);
const LABELABLE = new Set(['input', 'select', 'textarea', 'fieldset']);

/** The element's role: its `role` attribute, else the implicit role of its tag, else undefined. */
export function roleOf(element: HtmlElement): string | undefined {
  const explicit = element.attribs.role?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  const type = (element.attribs.type ?? '').toLowerCase();
  switch (element.name) {
    case 'a':
      return 'href' in element.attribs ? 'link' : undefined;
    case 'button':
      return 'button';
    case 'input':
      if (['submit', 'button', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'search') return 'searchbox';
      if (type === 'number') return 'spinbutton';
      return TEXTBOX_TYPES.has(type) ? 'textbox' : undefined;
    case 'textarea':
      return 'textbox';
    case 'select':
      return 'multiple' in element.attribs ? 'listbox' : 'combobox';
    case 'option':
      return 'option';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'heading';
    case 'table':
      return 'table';
    case 'tr':
      return 'row';
    case 'td':
      return 'cell';
    case 'th':
      return element.attribs.scope === 'row' ? 'rowheader' : 'columnheader';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'form':
      return 'form';
    case 'fieldset':
      return 'group';
    case 'article':
      return 'article';
    case 'aside':
      return 'complementary';
    case 'section':
      return 'aria-label' in element.attribs || 'aria-labelledby' in element.attribs ? 'region' : undefined;
    case 'img':
      return element.attribs.alt === '' ? 'presentation' : 'img';
    default:
      return undefined;
  }
}

/** Roles whose accessible name is the text they contain. */
const NAMED_BY_CONTENT = new Set(['button', 'link', 'heading', 'cell', 'columnheader', 'rowheader', 'row', 'checkbox', 'radio', 'option', 'tab', 'menuitem']);

/** The text of the `<label>`s of a form control: `for` its id, or around it. */
function labelText(element: HtmlElement): string {
  const id = element.attribs.id;
  const labels = id ? DomUtils.findAll((e) => e.name === 'label' && e.attribs.for === id, documentOf(element).children) : [];
  for (let parent = element.parent as HtmlElement | null; parent && DomUtils.isTag(parent); parent = parent.parent as HtmlElement | null) {
    if (parent.name === 'label' && !labels.includes(parent)) labels.push(parent);
  }
  return collapse(labels.map(textOf).join(' '));
}

/** The accessible name of an element, following the usual order: labelledby, label, the tag's own source, content, title. */
export function nameOf(element: HtmlElement): string {
  const labelledBy = element.attribs['aria-labelledby'];
  if (labelledBy) {
    return collapse(
      labelledBy
        .split(/\s+/)
        .map((id) => byId(element, id))
        .map((target) => (target ? textOf(target) : ''))
        .join(' '),
    );
  }
  const ariaLabel = collapse(element.attribs['aria-label'] ?? '');
  if (ariaLabel) return ariaLabel;
  const firstChild = (tag: string) => DomUtils.findOne((e) => e.name === tag, element.children, false);
  let own = '';
  if (element.name === 'input' || element.name === 'select' || element.name === 'textarea') {
    own = labelText(element);
    const type = element.attribs.type ?? '';
    if (!own && (type === 'submit' || type === 'button' || type === 'reset')) own = collapse(element.attribs.value ?? (type === 'submit' ? 'Submit' : ''));
    if (!own && type === 'image') own = collapse(element.attribs.alt ?? '');
  } else if (element.name === 'fieldset') {
    const legend = firstChild('legend');
    own = legend ? textOf(legend) : '';
  } else if (element.name === 'table') {
    const caption = firstChild('caption');
    own = caption ? textOf(caption) : '';
  } else if (element.name === 'img') {
    own = collapse(element.attribs.alt ?? '');
  } else if (NAMED_BY_CONTENT.has(roleOf(element) ?? '')) {
    own = textOf(element);
  }
  return own || collapse(element.attribs.title ?? '');
}

function describe(elements: HtmlElement[]): string {
  return elements.map((e) => `  <${e.name}> ${roleOf(e) ?? '(no role)'} "${nameOf(e)}"`).join('\n') || '  (none)';
}

/** Every visible element with the role (and the name and heading level, when given), in document order. */
export function allByRole(root: HtmlRoot, role: string, options: { name?: NameMatcher; level?: number } = {}): HtmlElement[] {
  return DomUtils.findAll((element) => {
    if (roleOf(element) !== role || isHidden(element)) return false;
    if (options.level !== undefined && element.name !== `h${options.level}` && element.attribs['aria-level'] !== String(options.level)) return false;
    return options.name === undefined || matches(nameOf(element), options.name);
  }, rootOf(root).children);
}

/** The one visible element with the role (and name); throws, listing what the page has, unless there is exactly one. */
export function byRole(root: HtmlRoot, role: string, options: { name?: NameMatcher; level?: number } = {}): HtmlElement {
  const found = allByRole(root, role, options);
  if (found.length !== 1) {
    const wanted = `role "${role}"${options.name !== undefined ? ` named ${String(options.name)}` : ''}${options.level !== undefined ? ` at level ${options.level}` : ''}`;
    const present = DomUtils.findAll((e) => roleOf(e) === role && !isHidden(e), rootOf(root).children);
    throw new Error(`Expected one element with ${wanted}, found ${found.length}. Elements with that role:\n${describe(present)}`);
  }
  return found[0]!;
}

/** The one form control (input, select, text area, or fieldset of choices) labelled `label`; throws unless exactly one. */
export function byLabel(root: HtmlRoot, label: NameMatcher): HtmlElement {
  const controls = DomUtils.findAll(
    (e) => LABELABLE.has(e.name) && e.attribs.type !== 'hidden' && !isHidden(e),
    rootOf(root).children,
  );
  const found = controls.filter((e) => matches(nameOf(e), label));
  if (found.length !== 1) {
    throw new Error(`Expected one field labelled ${String(label)}, found ${found.length}. Labelled fields:\n${describe(controls)}`);
  }
  return found[0]!;
}

/**
 * The error message shown for the field labelled `label`, as assistive
 * technology announces it (through the field's `aria-describedby`), or
 * undefined when the field has none. Throws when there is no such field, so a
 * misspelt label cannot pass as "no error".
 */
export function fieldError(root: HtmlRoot, label: NameMatcher): string | undefined {
  const field = byLabel(root, label);
  const described = (field.attribs['aria-describedby'] ?? '').split(/\s+/).filter(Boolean);
  const errors = described
    .map((id) => byId(field, id))
    .filter((e): e is HtmlElement => !!e && (e.attribs.class ?? '').split(/\s+/).includes('error-message'));
  return errors.length ? collapse(errors.map(textOf).join(' ')) : undefined;
}

/** The current value of the text field, text area or drop-down list labelled `label`. */
export function fieldValue(root: HtmlRoot, label: NameMatcher): string {
  const field = byLabel(root, label);
  if (field.name === 'textarea') return DomUtils.textContent(field).replace(/^\n/, '');
  if (field.name === 'select') {
    const options = DomUtils.findAll((e) => e.name === 'option', field.children);
    const chosen = options.find((o) => 'selected' in o.attribs) ?? options[0];
    return chosen ? (chosen.attribs.value ?? textOf(chosen)) : '';
  }
  if (field.name === 'input') return field.attribs.value ?? '';
  throw new Error(`The field labelled ${String(label)} is a <${field.name}>, which has no single value`);
}

/** The text of each cell, row by row, of a table (header rows included). */
export function tableRows(table: HtmlElement): string[][] {
  return allByRole(table, 'row').map((row) => DomUtils.findAll((e) => e.name === 'td' || e.name === 'th', row.children).map(textOf));
}

/**
 * The error message shown next to a field, found by the field's name in raw
 * markup; for pages where the label is not known or not unique.
 */
export function fieldErrorByName(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

/** The value shown in a text field, found by the field's name; an empty value is written as a bare attribute. */
export function fieldValueByName(html: string, field: string): string | undefined {
  const match = new RegExp(`name="${field}"[^>]*? value(?:="([^"]*)")?[ />]`).exec(html);
  return match ? (match[1] ?? '') : undefined;
}
