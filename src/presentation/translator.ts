// Who reads decides the language: a reply to one person is in their Discord locale; a message a
// whole channel reads (anniversary posts, trivia rounds) is in the server's language: the one set
// with /language or /anniversaries setup, else the server's preferred locale, else English.
import { translationFor, type Translation } from './translation.js';

export interface Translator {
  /** One person's language, from their Discord locale. */
  forReader(locale: string | null): Translation;
  /** A server's language for its channels; null (the console) is English unless the reader's locale says otherwise. */
  forServer(guildId: string | null, fallbackLocale?: string | null): Translation;
}

export interface ServerLanguageSources {
  /** The language a server chose, if any. */
  chosen(guildId: string): string | undefined;
  /** The server's preferred locale as Discord reports it, if known. */
  preferred(guildId: string): string | null | undefined;
}

export function createTranslator(sources: ServerLanguageSources): Translator {
  return {
    forReader: (locale) => translationFor(locale),
    forServer(guildId, fallbackLocale = null) {
      if (guildId === null) return translationFor(fallbackLocale);
      return translationFor(sources.chosen(guildId) ?? sources.preferred(guildId) ?? fallbackLocale);
    },
  };
}
