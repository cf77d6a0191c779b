// Each server's countdown settings (reminder days, scheduled events on or off) and the rows that make
// each scheduled event be created once: a row is claimed (inserted) before the event is created, and
// only its inserter creates it.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { CountdownEventRow, CountdownSettings, CountdownStore } from '../../src/core/countdown-records.js';
import type { LightstickDatabase } from '../database.js';
import { countdownEvents, countdownSettings } from '../schema.js';

export type { CountdownEventRow, CountdownSettings, CountdownStore };

const placeholder = sql.placeholder;

export function createCountdownStore(db: LightstickDatabase): CountdownStore {
  const settingsOf = db
    .select({ reminderDays: countdownSettings.reminderDays, eventsEnabled: countdownSettings.eventsEnabled })
    .from(countdownSettings)
    .where(eq(countdownSettings.guildId, placeholder('guildId')))
    .prepare();
  const saveReminderDays = db
    .insert(countdownSettings)
    .values({ guildId: placeholder('guildId'), reminderDays: placeholder('days'), eventsEnabled: false, updatedAt: placeholder('now') })
    .onConflictDoUpdate({ target: countdownSettings.guildId, set: { reminderDays: sql`excluded.reminder_days`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  const saveEventsEnabled = db
    .insert(countdownSettings)
    .values({ guildId: placeholder('guildId'), reminderDays: [], eventsEnabled: placeholder('enabled'), updatedAt: placeholder('now') })
    .onConflictDoUpdate({ target: countdownSettings.guildId, set: { eventsEnabled: sql`excluded.events_enabled`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  const enabledGuilds = db
    .select({ guildId: countdownSettings.guildId })
    .from(countdownSettings)
    .where(eq(countdownSettings.eventsEnabled, true))
    .prepare();
  const guildsWithRows = db.selectDistinct({ guildId: countdownEvents.guildId }).from(countdownEvents).prepare();
  const rowsOf = db
    .select()
    .from(countdownEvents)
    .where(eq(countdownEvents.guildId, placeholder('guildId')))
    .orderBy(countdownEvents.localDate, countdownEvents.anniversaryKey)
    .prepare();
  const claim = db
    .insert(countdownEvents)
    .values({
      guildId: placeholder('guildId'),
      anniversaryKey: placeholder('anniversaryKey'),
      localDate: placeholder('localDate'),
      status: 'claimed',
      name: placeholder('name'),
      startsAt: placeholder('startsAt'),
      claimedBy: placeholder('claimedBy'),
      claimedAt: placeholder('claimedAt'),
    })
    .onConflictDoNothing()
    .prepare();
  const takeOver = db
    .update(countdownEvents)
    .set({ claimedBy: sql`${placeholder('claimedBy')}`, claimedAt: sql`${placeholder('now')}` })
    .where(
      and(
        eq(countdownEvents.guildId, placeholder('guildId')),
        eq(countdownEvents.anniversaryKey, placeholder('anniversaryKey')),
        eq(countdownEvents.status, 'claimed'),
        eq(countdownEvents.claimedBy, placeholder('previousBy')),
        eq(countdownEvents.claimedAt, placeholder('previousAt')),
      ),
    )
    .prepare();
  const markCreated = db
    .update(countdownEvents)
    .set({ status: 'created', eventId: sql`${placeholder('eventId')}` })
    .where(and(eq(countdownEvents.guildId, placeholder('guildId')), eq(countdownEvents.anniversaryKey, placeholder('anniversaryKey'))))
    .prepare();
  const removeRow = db
    .delete(countdownEvents)
    .where(and(eq(countdownEvents.guildId, placeholder('guildId')), eq(countdownEvents.anniversaryKey, placeholder('anniversaryKey'))))
    .prepare();
  const forgetBefore = db
    .delete(countdownEvents)
    .where(and(eq(countdownEvents.guildId, placeholder('guildId')), lt(countdownEvents.localDate, placeholder('localDate'))))
    .prepare();

  return {
    settings: (guildId) => settingsOf.get({ guildId }),
    reminderDays: (guildId) => settingsOf.get({ guildId })?.reminderDays ?? [],
    setReminderDays: (guildId, days, now) => {
      // The placeholder is encoded by the column (JSON): the array goes in as it is.
      saveReminderDays.run({ guildId, days, now });
    },
    setEventsEnabled: (guildId, enabled, now) => {
      const before = settingsOf.get({ guildId })?.eventsEnabled ?? false;
      saveEventsEnabled.run({ guildId, enabled: enabled ? 1 : 0, now });
      return before !== enabled;
    },
    guildsWithEvents: () => [...new Set([...enabledGuilds.all().map((r) => r.guildId), ...guildsWithRows.all().map((r) => r.guildId)])],
    eventRows: (guildId) => rowsOf.all({ guildId }),
    claimEvent: (row) => claim.run(row).changes === 1,
    takeOverEventClaim: (row, claimedBy, now) =>
      takeOver.run({ guildId: row.guildId, anniversaryKey: row.anniversaryKey, claimedBy, now, previousBy: row.claimedBy, previousAt: row.claimedAt }).changes === 1,
    markEventCreated: (guildId, anniversaryKey, eventId) => {
      markCreated.run({ guildId, anniversaryKey, eventId });
    },
    removeEventRow: (guildId, anniversaryKey) => {
      removeRow.run({ guildId, anniversaryKey });
    },
    forgetEventsBefore: (guildId, localDate) => {
      forgetBefore.run({ guildId, localDate });
    },
  };
}
