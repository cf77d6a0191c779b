// The founding catalogue end to end: the real discord.js client on the real seeds/, answering through
// the Discord-compatible server, every body checked against Discord's spec and the limits it leaves out.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root.js';
import { openStore } from '../../src/open-store.js';
import { discordLimitProblems } from '../support/discord-limits.js';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;

interface Answer {
  content?: string;
  flags?: number;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  components?: { type: number; components: { type: number; custom_id?: string; label?: string }[] }[];
}

describe('the founding catalogue on the local Discord-compatible server', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ now: () => new Date('2026-09-12T12:00:00Z'), seedDirectory: join(projectRoot, 'seeds') });
  }, 120_000);
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  /** The reply to a command: the callback's, or after a deferral the edited original or the follow-up. */
  async function ask(commandName: string, options: Record<string, string | number> = {}): Promise<Answer> {
    const { sent, callback } = await roundTrip(harness.server, harness.server.chatInputInteraction({ commandName, options }));
    if (callback.type === 4) return callback.data as Answer;
    expect(callback.type).toBe(5);
    const request = await harness.server.waitForRequest(
      (r) => (r.method === 'PATCH' || r.method === 'POST') && r.path.includes(`/${sent.token}`),
      5000,
    );
    return request.body as Answer;
  }

  it.each([
    ['awards', { artist: 'twice' }, 'TWICE: awards'],
    ['firsts', { artist: 'newjeans' }, 'NewJeans: firsts and milestones'],
    ['ceremony', { name: 'MAMA', year: 2023 }, '2023 MAMA: results'],
    ['about', {}, 'What Lightstick knows'],
  ] as const)('/%s %j answers within Discord limits', async (commandName, options, title) => {
    const answer = await ask(commandName, { ...options });
    expect(answer.flags ?? 0).toBe(0);
    expect(answer.embeds?.[0]?.title).toBe(title);
    expect(discordLimitProblems(answer)).toEqual([]);
  });

  it('/awards artist:twice leads with its totals by show and by ceremony', async () => {
    const description = (await ask('awards', { artist: 'twice' })).embeds![0]!.description!;
    expect(description).toMatch(/\nMusic-show wins: Inkigayo \*\*\d+\*\*/);
    expect(description).toMatch(/\nAward shows \(wins\/nominations\): MAMA \*\*\d+\*\*/);
    expect(description).toMatch(/\n👑 \d+ grand prizes \(daesang\)/);
  });

  it('/onthisday on a day with only music-show wins lists them, cited, within limits', async () => {
    // The day is read from the bot's own database, which start-up seeded.
    const reader = openStore(harness.databasePath, { prepared: true });
    let day: string | undefined;
    try {
      for (let month = 1; month <= 12 && !day; month++) {
        for (let date = 1; date <= 28 && !day; date++) {
          const monthDay = `${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
          const facts = reader.store.anniversariesPage([monthDay], 2026, 0, 500);
          if (facts.length > 0 && facts.every((f) => f.kind === 'win' && f.nomination.edition.ceremonyKind === 'music_show')) day = monthDay;
        }
      }
    } finally {
      reader.close();
    }
    expect(day).toBeDefined();
    const answer = await ask('onthisday', { date: day! });
    expect(answer.flags ?? 0).toBe(0);
    const text = JSON.stringify(answer.embeds);
    expect(text).toMatch(/won First place/);
    expect(text).toContain('https://en.wikipedia.org/wiki/List_of_');
    expect(discordLimitProblems(answer)).toEqual([]);
  });

  it('answers an act it does not know yet privately: not in its records, the closest names, /suggest', async () => {
    const answer = await ask('awards', { artist: 'twicee' });
    expect(answer.flags).toBe(EPHEMERAL);
    expect(answer.content).toMatch(/^"twicee" is not in Lightstick's records yet\. Did you mean \*\*TWICE\*\*.*`\/suggest win` or `\/suggest milestone`/);
    expect(answer.content).not.toMatch(/0 wins/);
    expect(discordLimitProblems(answer)).toEqual([]);
    const unknown = await ask('artist', { name: 'zzqqxxzzqq' });
    expect(unknown.flags).toBe(EPHEMERAL);
    expect(unknown.content).toMatch(/^"zzqqxxzzqq" is not in Lightstick's records yet\./);
  });

  it('autocompletes by Hangul name and common spelling', async () => {
    for (const [typed, name] of [['트와이스', 'TWICE'], ['gidle', '(G)I-DLE'], ['newjeans', 'NewJeans']] as const) {
      const { callback } = await roundTrip(
        harness.server,
        harness.server.autocompleteInteraction({ commandName: 'awards', focused: { name: 'artist', value: typed } }),
      );
      expect(callback.type).toBe(8);
      expect((callback.data as { choices: { value: string }[] }).choices[0]?.value).toBe(name);
    }
  });
});
