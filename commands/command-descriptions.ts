// Registered commands describe themselves in every language: each description, option and choice
// takes its English text and its localisations from the catalogue. Names stay English, so that a
// server of several languages shares `/firsts artist:blackpink`.
import type { LocalizationMap } from 'discord-api-types/v10';
import { textInEveryLanguage, type Translate } from '../src/presentation/translation.js';

type CatalogueKey = Parameters<Translate>[0] & string;

interface Describable<T> {
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: LocalizationMap | null): T;
}

/** Sets a builder's description and its localisations from one catalogue key. */
export function described<T extends Describable<T>>(builder: T, key: CatalogueKey): T {
  const { text, localizations } = textInEveryLanguage(key);
  return builder.setDescription(text).setDescriptionLocalizations(localizations as LocalizationMap);
}

/** A choice whose shown name is translated; its value stays what the command reads. */
export function localizedChoice<V extends string>(value: V, key: CatalogueKey): { name: string; name_localizations: LocalizationMap; value: V } {
  const { text, localizations } = textInEveryLanguage(key);
  return { name: text, name_localizations: localizations as LocalizationMap, value };
}
