// /firsts: an artist's milestones, oldest first, with a group's members' solo ones apart.
import type { Artist } from '../core/awards-facts.js';
import type { ArtistFirsts } from '../core/firsts.js';
import { artistName, milestoneLine } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors, renderPagedEmbed, type Section } from './paged-embed.js';
import type { Translation } from './translation.js';

export function firstsMessage(artist: Artist, firsts: ArtistFirsts, page: number, translation: Translation): MessagePayload {
  const { t } = translation;
  const name = artistName(artist, translation);
  const sections: Section[] = [];
  if (firsts.milestones.length > 0) {
    sections.push({
      heading: t('firsts.ownHeading', { artist: name }),
      lines: firsts.milestones.map((m) => ({
        text: milestoneLine(m, translation, { withArtists: m.artists.length > 1 }),
        sources: m.sources,
      })),
    });
  }
  for (const { member, milestones } of firsts.memberMilestones) {
    sections.push({
      heading: t('firsts.soloHeading', { member: artistName(member, translation) }),
      lines: milestones.map((m) => ({ text: milestoneLine(m, translation), sources: m.sources })),
    });
  }
  return renderPagedEmbed({
    title: t('firsts.title', { artist: name }),
    description: firsts.memberMilestones.length > 0 && firsts.milestones.length > 0 ? t('firsts.groupFirst') : undefined,
    sections,
    // In a code span only a backtick or a line break could end it early.
    emptyText: t('firsts.empty', { artist: name, command: `/awards artist:${artist.name.replace(/[`\r\n]/g, " ")}` }),
    color: colors.firsts,
    page,
    pageButtonId: (target) => `firsts:page:${artist.id}:${target}`,
    translation,
  });
}
