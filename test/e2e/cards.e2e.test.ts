// /card end to end: the reply is a multipart body whose PNG has the declared size and alt text, the
// embed shows it as attachment://, still carries the fact in text, and stays within Discord's spec.
import { Locale } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, startHarness, type Harness } from './bot-harness.js';

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
    return { request, elapsedMs: Date.now() - started };
  }

  it("answers with the artist's most notable milestone as a PNG card, the fact in text, within 3 seconds", async () => {
    const { request, elapsedMs } = await card({ artist: 'rose' });
    expect(elapsedMs).toBeLessThan(3000);
    expect(request.files).toHaveLength(1);
    const [file] = request.files;
    expect(file).toMatchObject({ filename: 'lightstick-card.png', contentType: 'image/png', width: 1200, height: 630 });
    expect(file!.bytes.length).toBeLessThan(10 * 1024 * 1024);
    expect(file!.description).toContain('Rosé');
    const data = (request.body as { data: { embeds: { description: string; image: { url: string } }[] } }).data;
    expect(data.embeds[0]!.image.url).toBe('attachment://lightstick-card.png');
    expect(data.embeds[0]!.description).toContain('First Korean artist to win one of the MTV VMAs');
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
    const chosen = choices[1]!;
    const { request } = await card({ artist: 'Jungkook', milestone: chosen.value });
    expect(request.files).toHaveLength(1);
  });
});
