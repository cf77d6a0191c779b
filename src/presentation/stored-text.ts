// The one way stored text (a name, a title, a statement, a source's title or publisher, a reason,
// anything a fan, a file or a source gave) is written into a message Discord renders: as typed,
// on one line, with nothing Discord would read as markup. Every renderer of stored text goes
// through `storedText` (fact-text.ts's `escaped` is it, remembered).

// Line breaks, in every form Discord or a reader's font may break a line at, become spaces: a
// newline in a title must not start a `# heading`, a list or a quote inside a reply.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
// Invisible characters that could hide or reorder what a reader sees: controls, direction marks,
// overrides and isolates, zero-width characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu;
// Markup anywhere in a line: bold, italics, underline, strikethrough, code, spoilers (`*_~`|`),
// masked links (`[`, `]`), mentions, timestamps, slash-command mentions and custom emoji (all
// open with `<`), `@everyone` and `@here`, and the backslash that escapes.
const INLINE_MARKUP = /[\\*_~`|<>[\]@]/g;
// An address Discord would turn into a link.
const AUTOLINK = /:\/\//g;
// Markup at the start of a line: a heading (`#`, also `-#`), a quote (`>`), a list (`-`, `*`,
// `+`), a numbered list (`1.`).
const LINE_START_MARKUP = /^(\s*)([#>+-])/;
const NUMBERED_LIST = /^(\s*\d+)\./;

/** Stored text as a message shows it: one line, nothing invisible, every Discord markup shown as typed. */
export function storedText(text: string): string {
  return text
    .replace(LINE_BREAK, ' ')
    .replace(INVISIBLE, '')
    .replace(INLINE_MARKUP, (character) => `\\${character}`)
    .replace(AUTOLINK, '\\://')
    .replace(LINE_START_MARKUP, '$1\\$2')
    .replace(NUMBERED_LIST, '$1\\.');
}
