// /bias and the bias panel: what admins and fans read about bias roles, in their own language, and
// the select menus fans pick with (at most 25 options a menu, five menus a message).
import { ComponentType, type APIActionRowComponent, type APIEmbedField, type APIStringSelectComponent } from 'discord-api-types/v10';
import { menusOf, type RoleProblem } from '../core/bias-roles.js';
import { anniversaryColor } from './anniversary-post.js';
import { discordLimits, truncate } from './discord-limits.js';
import { escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import type { Translation } from './translation.js';

/** A linked role as shown: the artist's name, its role, and what is wrong with it. */
export interface LinkRow {
  artistId: number;
  artist: string;
  roleId: string;
  problems: RoleProblem[];
}

export function roleMention(roleId: string): string {
  return `<@&${roleId}>`;
}

/** Why a role cannot be handed out or mentioned, one clause per problem, in the order to fix them. */
export function roleProblemsText(problems: RoleProblem[], roleId: string, botRoleId: string | undefined, translation: Translation): string {
  const { t } = translation;
  const role = roleMention(roleId);
  const clauses = problems.map((problem) => {
    switch (problem) {
      case 'role-deleted':
        return t('bias.problems.roleDeleted');
      case 'missing-manage-roles':
        return t('bias.problems.missingManageRoles');
      case 'role-above-bot':
        return botRoleId ? t('bias.problems.roleAboveBot', { role, botRole: roleMention(botRoleId) }) : t('bias.problems.noRoleOfMine');
      case 'role-managed':
        return t('bias.problems.roleManaged', { role });
      case 'role-everyone':
        return t('bias.problems.roleEveryone');
      case 'not-mentionable':
        return t('bias.problems.notMentionable', { role });
    }
  });
  return translation.andList(clauses);
}

function roleShown(row: LinkRow, translation: Translation): string {
  return row.problems.includes('role-deleted') ? translation.t('bias.deletedRole') : roleMention(row.roleId);
}

const LIST_BUDGET = discordLimits.embedDescription - 200;

/** /bias list: every link with its problems, the cap, and whether posts ping. */
export function biasListMessage(
  rows: LinkRow[],
  settings: { pickLimit: number | null; pings: boolean },
  botRoleId: string | undefined,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const lines: string[] = [];
  let length = 0;
  for (const [index, row] of rows.entries()) {
    const problems = row.problems.length > 0 ? `\n${t('bias.listProblem', { problems: roleProblemsText(row.problems, row.roleId, botRoleId, translation) })}` : '';
    const line = `${t('bias.listLine', { artist: `**${escaped(row.artist)}**`, role: roleShown(row, translation) })}${problems}`;
    if (length + line.length + 1 > LIST_BUDGET) {
      lines.push(`… (+${translation.number(rows.length - index)})`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  const footer = [
    settings.pickLimit === null ? t('bias.noLimit') : t('bias.limit', { count: settings.pickLimit }),
    settings.pings ? t('bias.pingsOn') : t('bias.pingsOff'),
  ].join(' ');
  return {
    embeds: [
      {
        title: t('bias.listTitle'),
        color: anniversaryColor,
        description: rows.length === 0 ? t('bias.listEmpty') : lines.join('\n'),
        footer: { text: footer },
      },
    ],
  };
}

/** The field /anniversaries status shows about bias roles: pings, and every link with a problem. */
export function biasStatusField(rows: LinkRow[], pings: boolean, botRoleId: string | undefined, translation: Translation): APIEmbedField | undefined {
  const { t } = translation;
  if (rows.length === 0 && !pings) return undefined;
  const troubled = rows.filter((row) => row.problems.length > 0);
  const lines = [
    pings ? t('bias.statusPingsOn') : t('bias.statusPingsOff'),
    ...(troubled.length === 0 && rows.length > 0 ? [t('bias.statusHealthy')] : []),
    ...troubled.map((row) =>
      `⚠️ ${t('bias.statusProblem', { artist: `**${escaped(row.artist)}**`, role: roleShown(row, translation), problems: roleProblemsText(row.problems, row.roleId, botRoleId, translation) })}`,
    ),
  ];
  return { name: t('bias.statusField'), value: truncate(lines.join('\n'), discordLimits.fieldValue) };
}

/** A bias menu's custom id: the kind of message it is on, and its place there (ids are unique in a message). */
export function biasMenuId(kind: 'pick' | 'panel', menu: number): string {
  return `bias:${kind}:${menu}`;
}

/** An option a fan picks: the artist's id is its value, read against the links when it is picked. */
export interface PickOption {
  artistId: number;
  artist: string;
}

/**
 * One menu per 25 links. `held` marks the fan's current picks (their own private menu); a panel
 * everyone shares marks none.
 */
export function pickMenus(kind: 'pick' | 'panel', options: PickOption[], held: ReadonlySet<number> | null, translation: Translation): APIActionRowComponent<APIStringSelectComponent>[] {
  const menus = menusOf(options);
  return menus.map((menu, index) => {
    const from = index * 25 + 1;
    const placeholder =
      menus.length === 1 ? translation.t('bias.menuPlaceholder') : translation.t('bias.menuPlaceholderPart', { from, to: from + menu.length - 1 });
    return {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: biasMenuId(kind, index),
          placeholder: truncate(placeholder, 150),
          min_values: 0,
          max_values: menu.length,
          options: menu.map((option) => ({
            label: truncate(option.artist, 100),
            value: String(option.artistId),
            ...(held?.has(option.artistId) ? { default: true } : {}),
          })),
        },
      ],
    };
  });
}

function limitNote(limit: number | null, translation: Translation): string {
  return limit === null ? '' : ` ${translation.t('bias.limitNote', { count: limit })}`;
}

/** The private menu of /bias pick, with the fan's current biases chosen. */
export function pickMessage(options: PickOption[], held: ReadonlySet<number>, limit: number | null, translation: Translation, note?: string): MessagePayload {
  const prompt = `${translation.t('bias.pickPrompt')}${limitNote(limit, translation)}`;
  return { content: note ? `${note}\n\n${prompt}` : prompt, components: pickMenus('pick', options, held, translation) };
}

/** The panel an admin posts for everyone: the same menus, no one's picks marked. */
export function panelMessage(options: PickOption[], limit: number | null, translation: Translation): MessagePayload {
  return { content: `${translation.t('bias.panelPrompt')}${limitNote(limit, translation)}`, components: pickMenus('panel', options, null, translation) };
}

/** What a fan's picks changed. */
export function pickResultText(added: string[], removed: string[], translation: Translation): string {
  const { t } = translation;
  if (added.length === 0 && removed.length === 0) return t('bias.unchanged');
  return [
    ...(added.length > 0 ? [t('bias.added', { roles: added.map(roleMention).join(' ') })] : []),
    ...(removed.length > 0 ? [t('bias.removed', { roles: removed.map(roleMention).join(' ') })] : []),
  ].join('\n');
}
