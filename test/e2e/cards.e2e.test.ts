// /card end to end: the reply is a multipart body whose PNG has the declared size and alt text, laid
// out with Components V2 (a container in the card's colour, the card in a media gallery as
// attachment://, the fact in text, the sources as links), and stays within Discord's spec.
import { Locale } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAccentColor } from '../../src/cards/card-palettes.js';
import { expectEveryBodyValid, startHarness, type Harness } from './bot-harness.js';

interface LaidOut {
  flags?: number;
  content?: string;
  embeds?: unknown[];
  components: {
    type: number;
    accent_color?: number;
    components: { type: number; content?: string; items?: { media: { url: string }; description: string }[] }[];
  }[];
}

describe('/card on the local Discord-compatible server', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  async function card(options: Record<string, string>, locale?: Locale) {
    const sent = harness.server.sendInteraction(harness.server.chatInputInteraction({ commandName: 'card', options, ...(locale ? { locale } : {}) }));
    const started = Date.now();
    await sent.callback(3500);
    const request = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`)!;
    const data = (request.body as { data: LaidOut }).data;
    const container = data.components[0]!;
    const texts = container.components.flatMap((component) => (component.type === 10 ? [component.content!] : []));
    const gallery = container.components.find((component) => component.type === 12);
    return { request, data, container, texts: texts.join('\n'), gallery, elapsedMs: Date.now() - started };
  }

  async function chosen(artist: string, statementStart: string) {
    const sent = harness.server.sendInteraction(
      harness.server.autocompleteInteraction({ commandName: 'card', options: { artist }, focused: { name: 'milestone', value: statementStart } }),
    );
    const choices = ((await sent.callback(3500)).data as { choices: { name: string; value: string }[] }).choices;
    return choices[0]!.value;
  }

  it("answers with the artist's most notable milestone as a PNG card in a V2 container, the fact in text, within 3 seconds", async () => {
    const { request, data, container, texts, gallery, elapsedMs } = await card({ artist: 'rose' });
    expect(elapsedMs).toBeLessThan(3000);
    expect(request.status).toBe(204);
    expect(request.files).toHaveLength(1);
    const [file] = request.files;
    expect(file).toMatchObject({ filename: 'lightstick-card.png', contentType: 'image/png', width: 1200, height: 630 });
    expect(file!.bytes.length).toBeLessThan(10 * 1024 * 1024);
    expect(file!.description).toContain('Rosé');
    expect(data.flags).toBe(1 << 15);
    expect(data).not.toHaveProperty('content');
    expect(data).not.toHaveProperty('embeds');
    expect(container.type).toBe(17);
    // The card's own colours: the scheme its artist's name picks.
    expect(container.accent_color).toBe(cardAccentColor({ artistName: 'Rosé' }));
    expect(gallery!.items).toEqual([{ media: { url: 'attachment://lightstick-card.png' }, description: file!.description }]);
    expect(texts).toContain('First Korean artist to win one of the MTV VMAs');
    // The source, under the fact.
    expect(texts).toContain('002_d0ca3b6de0981cc6.txt');
  });

  it('draws the frame in the reader\'s language, with the Hangul name', async () => {
    const { request } = await card({ artist: 'Stray Kids' }, Locale.Korean);
    expect(request.files[0]!.description).toContain('스트레이 키즈');
    expect(request.files[0]!.description).toContain('2023년 9월 12일');
  });

  it('offers the artist\'s milestones in autocomplete, and draws the one chosen', async () => {
    const sent = harness.server.sendInteraction(
      harness.server.autocompleteInteraction({ commandName: 'card', options: { artist: 'Jungkook' }, focused: { name: 'milestone', value: '' } }),
    );
    const choices = ((await sent.callback(3500)).data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    const { request } = await card({ artist: 'Jungkook', milestone: choices[1]!.value });
    expect(request.files).toHaveLength(1);
  });

  it('keeps "according to" on a claim the source credits to someone else, on the card, in its alt text and in the text', async () => {
    const milestone = await chosen('blackpink', 'First K-pop girl group to perform');
    const { request, texts } = await card({ artist: 'blackpink', milestone });
    expect(request.files[0]!.description).toContain('First K-pop girl group to perform at the MTV VMAs (according to Koreaboo)');
    expect(texts).toContain('according to Koreaboo');
  });

  it('keeps the "as of" date of a claim true as of its article', async () => {
    const milestone = await chosen('Jungkook', '"Seven" spent 70 days');
    const { request, texts } = await card({ artist: 'Jungkook', milestone });
    expect(request.files[0]!.description).toContain('as of November 6, 2023');
    expect(texts).toContain('as of November 6, 2023');
  });

  it("cites the article that dates Jungkook's debut, July 14, 2023, on the card and in its links", async () => {
    const milestone = await chosen('Jungkook', 'Official solo debut');
    const { request, texts } = await card({ artist: 'Jungkook', milestone });
    const alt = request.files[0]!.description;
    expect(alt).toContain('July 14, 2023');
    // The article of November 6, 2023 (001_a70e21486debb34f.txt) is the one that says "released on July 14";
    // the debut's first source, of September 13, does not date it.
    expect(alt).toContain('Sources: news article, September 13, 2023 · news article, November 6, 2023');
    expect(texts).toContain('001_a70e21486debb34f.txt');
  });
});
