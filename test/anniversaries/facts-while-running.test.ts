// Facts that change while the bot runs: an import, an approval and a withdrawal, made through a
// second connection to the same database (another process, as a curator's `npm run import` is),
// each show in the very next anniversary post, and /anniversaries status agrees with the ticker.
import { afterEach, describe, expect, it } from 'vitest';
import { approveSuggestion } from '../../commands/review.js';
import type { MessagePayload } from '../../commands/command.js';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { createAnniversaryTicker, type AnniversaryPoster } from '../../src/anniversaries/anniversary-ticker.js';
import { enableAnniversaryPosts } from '../../src/anniversaries/enable-posts.js';
import { runSlashCommand } from '../../src/command-router.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { checkSuggestion, type SuggestionInput } from '../../src/core/suggestions.js';
import { applyImportPlan } from '../../src/import/apply-import.js';
import { planImport } from '../../src/import/plan-import.js';
import type { OpenedStore } from '../../src/open-store.js';
import { invocation } from '../support/invocations.js';
import { englishPostRendering, openTestStore, silentLogger, temporaryDatabasePath, testContext } from '../support/test-store.js';
import { payloadText } from '../support/payload-text.js';

const GUILD = '200000000000000001';
const CHANNEL = '300000000000000001';

class RecordingChannels implements AnniversaryPoster {
  delivered: { channelId: string; payload: MessagePayload }[] = [];
  async send(channelId: string, payload: MessagePayload): Promise<string> {
    this.delivered.push({ channelId, payload });
    return String(900000000000000000n + BigInt(this.delivered.length));
  }
}

let opened: OpenedStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

/** The bot's store and a curator's, on one database file. */
function openBoth() {
  const path = temporaryDatabasePath();
  const bot = openTestStore({ path });
  const curator = openTestStore({ path });
  opened.push(bot, curator);
  return { bot, curator };
}

function artistId(store: OpenedStore, name: string): number {
  const found = resolveArtist(store.store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist.id;
}

function tickerFor(bot: OpenedStore, poster: AnniversaryPoster, clock: { now: Date }) {
  return createAnniversaryTicker({
    store: bot.store,
    anniversaries: bot.anniversaries,
    clock: { now: () => clock.now },
    logger: silentLogger,
    poster,
    ...englishPostRendering(),
    holdsGuild: () => true,
    processId: 'bot',
  });
}

function importCsv(curator: OpenedStore, lines: string[], now: Date) {
  const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,ceremony_kind';
  const planning = planImport(
    { store: curator.store, lookups: createContributionLookups(curator.db) },
    { bytes: Buffer.from([header, ...lines].join('\n'), 'utf8'), fileName: 'wins.csv', by: 'curator-1', now },
  );
  if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
  expect(applyImportPlan(curator.db, curator.store, planning.plan, now)).toMatchObject({ status: 'applied' });
}

function approveWin(curator: OpenedStore, input: SuggestionInput, now: Date): number {
  const suggestions = curator.contributions.suggestions;
  const checked = checkSuggestion({ store: curator.store, lookups: createContributionLookups(curator.db), suggestions, now }, input, 'fan-1');
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const submitted = suggestions.submit(checked.suggestion, { userId: 'fan-1', name: 'fan one', guildId: GUILD }, now);
  if (submitted.status !== 'created') throw new Error(submitted.status);
  const approved = approveSuggestion(curator, submitted.suggestion.id, 'curator-1', now);
  if (approved.status !== 'approved') throw new Error(approved.status);
  return approved.factId;
}

const inkigayoWin = (date: string): SuggestionInput => ({
  kind: 'win',
  artist: 'Stray Kids',
  ceremony: 'Inkigayo',
  ceremonyKind: 'music_show',
  date,
  category: 'Mutizen Song',
  work: 'S-Class',
  source: { url: `https://news.example.com/inkigayo-${date}`, title: 'Stray Kids take the Mutizen', publisher: 'Example News', published: date },
});

const description = (post: { payload: MessagePayload } | undefined) => payloadText(post?.payload);

async function statusNext(bot: OpenedStore, now: Date): Promise<string> {
  const reply = await runSlashCommand(invocation('anniversaries', {}, 'status'), testContext(bot, now.toISOString()), 'status');
  return reply.payload.embeds![0]!.fields!.find((field) => field.name === 'Next post')!.value;
}

describe('facts that change while the ticker runs', () => {
  it('an import, an approval and a withdrawal each show in the very next post', async () => {
    const { bot, curator } = openBoth();
    const clock = { now: new Date('2026-06-08T12:00:00Z') };
    enableAnniversaryPosts(bot.anniversaries, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'UTC' }, clock.now);
    bot.anniversaries.follow(GUILD, artistId(bot, 'Stray Kids'));
    const discord = new RecordingChannels();
    const ticker = tickerFor(bot, discord, clock);
    // The bot is ready: the days current somewhere are read now, before any of the changes below.
    ticker.prepare();

    importCsv(
      curator,
      [
        'Stray Kids,Music Bank,2023-06-09,1st Place,won,S-Class,https://news.example.com/mb-0609,Stray Kids win,Example News,2023-06-09,music_show',
        'Stray Kids,Music Bank,2023-06-11,1st Place,won,S-Class,https://news.example.com/mb-0611,Stray Kids win again,Example News,2023-06-11,music_show',
      ],
      clock.now,
    );
    clock.now = new Date('2026-06-09T09:00:10Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(1);
    expect(description(discord.delivered[0])).toContain('Music Bank');

    // The tick above read June 10 ahead of time; the approval comes after it.
    clock.now = new Date('2026-06-09T15:00:00Z');
    approveWin(curator, inkigayoWin('2023-06-10'), clock.now);
    clock.now = new Date('2026-06-10T09:00:10Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(2);
    expect(description(discord.delivered[1])).toContain('Inkigayo');

    // June 11 was read ahead of time with the imported win in it; a curator withdraws that win.
    const withdrawn = curator.db.$client
      .prepare(`select n.id from nominations n join editions e on e.id = n.edition_id where e.held_on = '2023-06-11'`)
      .get() as { id: number };
    expect(curator.contributions.suggestions.withdraw({ type: 'nomination', id: withdrawn.id }, 'curator-1', 'Wrong week', clock.now)).toBe('withdrawn');
    clock.now = new Date('2026-06-11T09:00:10Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(2);
    await ticker.stop();
  });

  it('a fact approved today for today is in today\'s post, and the next post is today, not a year away', async () => {
    const { bot, curator } = openBoth();
    const clock = { now: new Date('2026-06-10T12:00:30Z') };
    const discord = new RecordingChannels();
    const ticker = tickerFor(bot, discord, clock);
    ticker.prepare();
    bot.anniversaries.follow(GUILD, artistId(bot, 'Stray Kids'));
    // Set up for the very next minute: today's time is still ahead, so today is the first day.
    enableAnniversaryPosts(bot.anniversaries, { guildId: GUILD, channelId: CHANNEL, postTime: '12:01', timeZone: 'UTC' }, clock.now);
    approveWin(curator, inkigayoWin('2023-06-10'), clock.now);
    expect(await statusNext(bot, clock.now)).toBe('June 10, 2026 at 12:01 UTC, 1 anniversary');

    clock.now = new Date('2026-06-10T12:01:05Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(1);
    expect(description(discord.delivered[0])).toContain('Inkigayo');
    expect(bot.anniversaries.lastPost(GUILD)).toMatchObject({ status: 'sent', localDate: '2026-06-10' });
    // Then the next post is the next day with an anniversary, within the year.
    expect(await statusNext(bot, clock.now)).not.toContain('2027');
    await ticker.stop();
  });
});
