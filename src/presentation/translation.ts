// The message catalogue and how a reader's language is chosen. One i18next instance holds every
// language's catalogue (JSON, one file per language, the same keys as en-US); `translationFor`
// hands out a `Translation`: the catalogue's text in one language, with dates, "N years ago",
// numbers and lists written by `Intl` in that language.
import i18next, { type TFunction } from 'i18next';
import enUS from './locales/en-US.json' with { type: 'json' };
import es419 from './locales/es-419.json' with { type: 'json' };
import id from './locales/id.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };
import ptBR from './locales/pt-BR.json' with { type: 'json' };
import th from './locales/th.json' with { type: 'json' };
import vi from './locales/vi.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };

/** The languages Lightstick speaks, as Discord names them; en-US is the fallback. */
export const supportedLocales = ['en-US', 'ko', 'ja', 'zh-CN', 'zh-TW', 'th', 'vi', 'id', 'es-419', 'pt-BR'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];
export const defaultLocale: SupportedLocale = 'en-US';

export type Catalogue = typeof enUS;

export const catalogues: Record<SupportedLocale, Record<string, unknown>> = {
  'en-US': enUS,
  ko,
  ja,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  th,
  vi,
  id,
  'es-419': es419,
  'pt-BR': ptBR,
};

/** Discord locales that another supported language serves. */
const servedBy: Record<string, SupportedLocale> = {
  'en-GB': 'en-US',
  'es-ES': 'es-419',
};

/** The language for a Discord locale (`interaction.locale`, a server's preferred locale), else null. */
export function supportedLocaleOf(locale: string | null | undefined): SupportedLocale | null {
  if (!locale) return null;
  if ((supportedLocales as readonly string[]).includes(locale)) return locale as SupportedLocale;
  return servedBy[locale] ?? null;
}

/** Every Discord locale a registered command's descriptions are given in, with the catalogue that serves it. */
export const discordLocalizations: readonly (readonly [discordLocale: string, catalogue: SupportedLocale])[] = [
  ...supportedLocales.filter((locale) => locale !== defaultLocale).map((locale) => [locale, locale] as const),
  ...Object.entries(servedBy).filter(([, locale]) => locale !== defaultLocale),
];

/**
 * `Intl` locale per language. Thai uses the Gregorian calendar, not Intl's default Buddhist one:
 * the award years Lightstick shows ("2023 MTV VMAs") are Gregorian, and a Buddhist-era date beside
 * them ("12 กันยายน 2566") would put two different years on one fact.
 */
const intlLocales: Record<SupportedLocale, string> = {
  'en-US': 'en-US',
  ko: 'ko-KR',
  ja: 'ja-JP',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  th: 'th-TH-u-ca-gregory',
  vi: 'vi-VN',
  id: 'id-ID',
  'es-419': 'es-419',
  'pt-BR': 'pt-BR',
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

const engine = i18next.createInstance();
void engine.init({
  resources: Object.fromEntries(supportedLocales.map((locale) => [locale, { translation: catalogues[locale] as Catalogue }])),
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...supportedLocales],
  // Names from the store are markdown-escaped where they are shown; HTML escaping would mangle them.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
});

export type Translate = TFunction<'translation'>;

/** The catalogue's text in one language, and values written as that language writes them. */
export interface Translation {
  locale: SupportedLocale;
  t: Translate;
  /** "2020", "October 2024", "September 12, 2023": only as precise as the date (YYYY, YYYY-MM, YYYY-MM-DD). */
  date(date: string): string;
  /** "September 12", for a day of the year. */
  monthDay(month: number, day: number): string;
  /** "3 years ago". */
  yearsAgo(years: number): string;
  number(value: number): string;
  /** "A, B or C". */
  orList(items: string[]): string;
  /** "A, B and C". */
  andList(items: string[]): string;
}

const translations = new Map<SupportedLocale, Translation>();

function createTranslation(locale: SupportedLocale): Translation {
  const intl = intlLocales[locale];
  // Dates are calendar dates, not instants: formatting them at UTC noon keeps the day as written.
  const dateFormats = {
    year: new Intl.DateTimeFormat(intl, { year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    monthDay: new Intl.DateTimeFormat(intl, { month: 'long', day: 'numeric', timeZone: 'UTC' }),
  };
  const relative = new Intl.RelativeTimeFormat(intl, { numeric: 'always' });
  const numbers = new Intl.NumberFormat(intl);
  const or = new Intl.ListFormat(intl, { type: 'disjunction' });
  const and = new Intl.ListFormat(intl, { type: 'conjunction' });
  const at = (year: number, month = 1, day = 1) => new Date(Date.UTC(year, month - 1, day, 12));
  // A few thousand distinct dates at most: every source's and fact's, each written once.
  const writtenDates = new Map<string, string>();
  const writeDate = (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    if (month === undefined) return dateFormats.year.format(at(year!));
    if (day === undefined) return dateFormats.month.format(at(year!, month));
    return dateFormats.day.format(at(year!, month, day));
  };
  return {
    locale,
    t: rememberedTexts(engine.getFixedT(locale)),
    date(date) {
      let written = writtenDates.get(date);
      if (written === undefined) {
        written = writeDate(date);
        if (writtenDates.size >= 10_000) writtenDates.clear();
        writtenDates.set(date, written);
      }
      return written;
    },
    // A leap year, so that February 29 can be written.
    monthDay: (month, day) => dateFormats.monthDay.format(at(2024, month, day)),
    yearsAgo: (years) => relative.format(-years, 'year'),
    number: (value) => numbers.format(value),
    orList: (items) => or.format(items),
    andList: (items) => and.format(items),
  };
}

/**
 * `t`, with each text it wrote remembered by its key and values: i18next resolves, interpolates
 * and pluralises on every call (tens of µs), and a reply asks for the same texts for every fact
 * of the same kind. Only calls whose values are all strings, numbers or booleans are remembered.
 */
function rememberedTexts(translate: Translate): Translate {
  const texts = new Map<string, string>();
  const remembered = (key: string, options?: Record<string, unknown>) => {
    // The key is built by hand: JSON.stringify of the values cost more than the look-up saved.
    let textKey = key;
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null) return (translate as (key: string, options?: unknown) => unknown)(key, options);
      for (const name in options) {
        const value = options[name];
        const kind = typeof value;
        if (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && kind !== 'undefined') {
          return (translate as (key: string, options?: unknown) => unknown)(key, options);
        }
        // The type goes in too: i18next pluralises on a number `count`, not on the string "1".
        textKey += `\u0000${name}\u0001${kind[0]}${String(value)}`;
      }
    }
    let text = texts.get(textKey);
    if (text === undefined) {
      const written = (translate as (key: string, options?: unknown) => unknown)(key, options);
      if (typeof written !== 'string') return written;
      text = written;
      if (texts.size >= 20_000) texts.clear();
      texts.set(textKey, text);
    }
    return text;
  };
  return remembered as unknown as Translate;
}


/** The translation for a language; unsupported or missing locales get English. */
export function translationFor(locale: string | null | undefined): Translation {
  const supported = supportedLocaleOf(locale) ?? defaultLocale;
  let translation = translations.get(supported);
  if (!translation) {
    translation = createTranslation(supported);
    translations.set(supported, translation);
  }
  return translation;
}

/** Every language's text for one key: what registered commands carry as localisations. */
export function textInEveryLanguage(key: Parameters<Translate>[0] & string): { text: string; localizations: Record<string, string> } {
  const text = translationFor(defaultLocale).t(key as never) as string;
  const localizations: Record<string, string> = {};
  for (const [discordLocale, locale] of discordLocalizations) {
    localizations[discordLocale] = translationFor(locale).t(key as never) as string;
  }
  return { text, localizations };
}
