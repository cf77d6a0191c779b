// /import file:<attachment> — a curator previews a CSV or JSON file of facts (the same dry run as
// `npm run import -- <file> --dry-run`), privately, then applies it with a button.
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { importAppliedText, importPlanMessage, importProblemsText } from '../src/presentation/contribution-messages.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import { readerTranslation } from './command-options.js';
import { StaleButtonError, UserError, type AttachmentRef, type ButtonReply, type CommandContext, type Requester, type SlashCommand } from './command.js';

/**
 * About 40,000 rows: checked in turns (some 25 s on a loaded machine) and written by Apply in
 * transactions of a few facts, in turns (some 40 s), while fans are answered throughout
 * (bench/README.md, section 7). Anything bigger is refused before it is read; a larger catalogue
 * goes in split, or with `npm run import` on the host.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const IMPORT_MAX_SIZE = '2 MiB';

const definition = installableInServers(described(new SlashCommandBuilder().setName('import'), 'commands.import.description'))
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addAttachmentOption((o) => described(o.setName('file'), 'commands.import.options.file').setRequired(true))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function requireCurator(requester: Requester, context: CommandContext, translation: Translation): void {
  if (!context.capabilities.isCurator(requester.user.id)) throw new UserError(translation.t('contributions.notCurator'));
}

/** The attached file, or a plain answer: too large (its size was not what Discord said), or not to be had. */
async function downloaded(
  fetchAttachment: NonNullable<CommandContext['capabilities']['fetchAttachment']>,
  attachment: AttachmentRef,
  translation: Translation,
): Promise<Buffer> {
  try {
    return await fetchAttachment(attachment, IMPORT_MAX_BYTES);
  } catch (error) {
    if (error instanceof Error && error.name === 'AttachmentTooLarge') throw new UserError(translation.t('contributions.importTooLarge', { max: IMPORT_MAX_SIZE }));
    throw new UserError(translation.t('input.attachmentUnreadable'));
  }
}

export const importCommand: SlashCommand = {
  definition,
  defersPrivately: true,
  async execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    requireCurator(invocation, context, translation);
    const attachment = invocation.attachments?.file;
    if (!attachment || !context.capabilities.fetchAttachment) throw new UserError(translation.t('contributions.importNeedsFile'));
    if (attachment.size > IMPORT_MAX_BYTES) throw new UserError(translation.t('contributions.importTooLarge', { max: IMPORT_MAX_SIZE }));
    const bytes = await downloaded(context.capabilities.fetchAttachment, attachment, translation);
    const now = context.clock.now();
    const input = { bytes, fileName: attachment.name, by: invocation.user.id };
    const planning = await context.contributions.planImport({ ...input, now });
    if (!planning.ok) throw new UserError(importProblemsText(planning.fileName, planning.problems, translation));
    const draftId = context.importDrafts.keep(input, invocation.user.id, now);
    return {
      payload: importPlanMessage(planning.plan, translation, { apply: `import:apply:${draftId}`, cancel: `import:cancel:${draftId}` }),
      ephemeral: true,
    };
  },
  async press(button, context): Promise<ButtonReply> {
    const translation = readerTranslation(button, context);
    requireCurator(button, context, translation);
    const [action, draftId = ''] = button.args;
    const now = context.clock.now();
    // Taken before anything is awaited: a second Apply finds no draft, so a file is applied once.
    const draft = action === 'apply' || action === 'cancel' ? context.importDrafts.take(draftId, button.user.id, now) : undefined;
    if (!draft) throw new StaleButtonError(`import:${button.args.join(':')}`);
    if (action === 'cancel') return { kind: 'update', payload: { content: translation.t('contributions.importCancelled'), embeds: [], components: [] } };
    // Planned again: the store may have changed since the preview.
    const planning = await context.contributions.planImport({ ...draft, now });
    if (!planning.ok) {
      return { kind: 'update', payload: { content: importProblemsText(planning.fileName, planning.problems, translation), embeds: [], components: [] } };
    }
    const applied = await context.contributions.applyImport(planning.plan, now);
    return { kind: 'update', payload: { ...importPlanMessage(planning.plan, translation, null), content: importAppliedText(applied, translation), components: [] } };
  },
};
