// Settings that belong to a whole server rather than to one feature: the language its channels read.
import { eq, sql } from 'drizzle-orm';
import type { LightstickDatabase } from '../database.js';
import { serverSettings } from '../schema.js';

export interface ServerSettingsStore {
  /** The language the server chose, if it chose one. */
  language(guildId: string): string | undefined;
  /** Sets the server's language; null goes back to Discord's preferred locale. */
  setLanguage(guildId: string, locale: string | null, now: number): void;
}

export function createServerSettingsStore(db: LightstickDatabase): ServerSettingsStore {
  const languageOf = db
    .select({ locale: serverSettings.locale })
    .from(serverSettings)
    .where(eq(serverSettings.guildId, sql.placeholder('guildId')))
    .prepare();
  const upsertLanguage = db
    .insert(serverSettings)
    .values({ guildId: sql.placeholder('guildId'), locale: sql.placeholder('locale'), updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({
      target: serverSettings.guildId,
      set: { locale: sql`excluded.locale`, updatedAt: sql`excluded.updated_at` },
    })
    .prepare();
  return {
    language: (guildId) => languageOf.get({ guildId })?.locale ?? undefined,
    setLanguage: (guildId, locale, now) => {
      upsertLanguage.run({ guildId, locale, now });
    },
  };
}
