/**
 * Checks request bodies the bot sends against Discord's OpenAPI spec (a local copy, if present) plus the
 * limits Discord enforces but the spec does not state. Every check returns readable error strings;
 * an empty list means valid.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
// The named export: under NodeNext the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { attachmentReferences, componentTotalsProblems } from './components-v2.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const specPath = path.resolve(projectRoot, '..', 'shared', 'discord-api-spec', 'openapi.json');
export const specAvailable = existsSync(specPath);
export const specSkipNote = `Discord OpenAPI spec not found at ${specPath}: schema checks skipped.`;

/** The id under which the whole spec is registered, so its '#/components/schemas/X' refs resolve. */
const SPEC_ID = 'discord-openapi';

const INTERACTION_CALLBACK_SCHEMAS: Record<number, string> = {
  4: 'CreateMessageInteractionCallbackRequest',
  5: 'CreateMessageInteractionCallbackRequest',
  6: 'UpdateMessageInteractionCallbackRequest',
  7: 'UpdateMessageInteractionCallbackRequest',
  8: 'ApplicationCommandAutocompleteCallbackRequest',
  9: 'ModalInteractionCallbackRequest',
};
/** Request body of POST /channels/{channel_id}/messages (operation create_message). */
const CREATE_MESSAGE_SCHEMA = 'MessageCreateRequest';
/** Request body of PATCH /channels/{channel_id}/messages/{message_id}. */
const EDIT_MESSAGE_SCHEMA = 'MessageEditRequestPartial';
/** Request body of PATCH /webhooks/{id}/{token}/messages/{message_id|@original}. */
const WEBHOOK_EDIT_SCHEMA = 'IncomingWebhookUpdateRequestPartial';
/**
 * POST /webhooks/{id}/{token} accepts anyOf(IncomingWebhookRequestPartial, IncomingWebhookUpdateRequestPartial);
 * the second is a subset of the first, so the first alone gives the same verdict with clearer errors.
 */
const WEBHOOK_EXECUTE_SCHEMA = 'IncomingWebhookRequestPartial';

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullBranch(branch: unknown): boolean {
  return isNode(branch) && branch.type === 'null' && Object.keys(branch).length === 1;
}

/** The `type` values a '#/components/schemas/X' branch accepts, when it requires and pins `type`. */
function typeTag(branch: unknown, schemas: SchemaNode): unknown[] | null {
  const ref = isNode(branch) && typeof branch.$ref === 'string' ? branch.$ref : null;
  const target = ref?.startsWith('#/components/schemas/') ? schemas[ref.slice('#/components/schemas/'.length)] : null;
  if (!isNode(target) || !Array.isArray(target.required) || !target.required.includes('type')) return null;
  const tag = isNode(target.properties) ? target.properties.type : null;
  if (!isNode(tag)) return null;
  if (Array.isArray(tag.enum)) return tag.enum;
  return 'const' in tag ? [tag.const] : null;
}

/**
 * Ajv reports every failed branch of a oneOf, which for the spec's unions means dozens of irrelevant errors.
 * Rewrites three equivalent shapes so only the relevant branch reports:
 * oneOf of consts -> enum; oneOf [null, X] -> if null else X; oneOf of schemas tagged by `type` -> if/then per tag.
 */
function simplifyUnion(node: SchemaNode, schemas: SchemaNode): void {
  const branches = node.oneOf;
  if (!Array.isArray(branches)) return;
  if (branches.every((branch) => isNode(branch) && 'const' in branch) && !('enum' in node)) {
    node.enum = branches.map((branch) => (branch as SchemaNode).const);
    delete node.oneOf;
    return;
  }
  const nonNull = branches.filter((branch) => !isNullBranch(branch));
  const tags = nonNull.map((branch) => typeTag(branch, schemas));
  const allTags = tags.flatMap((values) => values ?? []);
  const discriminated = nonNull.length > 1 && tags.every(Boolean) && new Set(allTags).size === allTags.length;
  const hasNullBranch = nonNull.length < branches.length;
  if (!hasNullBranch && !discriminated) return;
  let rest: unknown;
  if (nonNull.length === 1) rest = nonNull[0];
  else if (discriminated) {
    const tagged = (values: unknown[]) => ({ type: 'object', required: ['type'], properties: { type: { enum: values } } });
    const perTag = nonNull.map((branch, index) => ({ if: tagged(tags[index] ?? []), then: branch }));
    rest = { allOf: [tagged(allTags), ...perTag] };
  } else rest = { oneOf: nonNull };
  const replacement = hasNullBranch ? { if: { type: 'null' }, else: rest } : rest;
  delete node.oneOf;
  node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), replacement];
}

function simplifyUnions(value: unknown, schemas: SchemaNode): void {
  if (Array.isArray(value)) {
    for (const item of value) simplifyUnions(item, schemas);
    return;
  }
  if (!isNode(value)) return;
  simplifyUnion(value, schemas);
  for (const child of Object.values(value)) simplifyUnions(child, schemas);
}

let ajv: Ajv2020 | null = null;
const validators = new Map<string, ValidateFunction>();

function specAjv(): Ajv2020 {
  if (ajv) return ajv;
  if (!specAvailable) throw new Error(specSkipNote);
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { components?: { schemas?: SchemaNode } };
  const schemas = spec.components?.schemas ?? {};
  simplifyUnions(schemas, schemas);
  // An OpenAPI document is not a JSON Schema; skip meta-validation of the whole document.
  const instance = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  // The spec's own formats; Ajv has none built in (ajv-formats is not a dependency).
  instance.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  instance.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  instance.addFormat('double', { type: 'number', validate: () => true });
  instance.addFormat('snowflake', () => true); // SnowflakeType's own pattern already checks it
  instance.addFormat('nonce', () => true);
  instance.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  instance.addFormat('uri', (value: string) => URL.canParse(value));
  instance.addSchema(spec, SPEC_ID);
  ajv = instance;
  return instance;
}

function validatorFor(schemaName: string): ValidateFunction {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = specAjv().getSchema(`${SPEC_ID}#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`Schema ${schemaName} is not in the Discord OpenAPI spec`);
    validators.set(schemaName, validate);
  }
  return validate;
}

/** JSON pointer "/data/embeds/0/title" as "data.embeds[0].title". */
function fieldName(instancePath: string): string {
  if (!instancePath) return 'body';
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

/**
 * Drops errors that only restate another: the summary of a failed union or if/then, and the "must be null"
 * of a nullable union whose other branch reports the real problem.
 */
function readableErrors(errors: ErrorObject[]): string[] {
  const unionPaths = new Set(
    errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf').map((error) => error.instancePath),
  );
  const specific = errors.filter((error) => {
    if (['oneOf', 'anyOf', 'if'].includes(error.keyword)) return false;
    const isNullBranch = error.keyword === 'type' && error.params.type === 'null';
    return !(isNullBranch && unionPaths.has(error.instancePath));
  });
  const chosen = specific.length > 0 ? specific : errors;
  const lines = chosen.map((error) => {
    const detail =
      error.keyword === 'enum'
        ? ` (${JSON.stringify(error.params.allowedValues)})`
        : error.keyword === 'const'
          ? ` (${JSON.stringify(error.params.allowedValue)})`
          : '';
    return `${fieldName(error.instancePath)} ${error.message ?? 'is invalid'}${detail}`;
  });
  return [...new Set(lines)];
}

function validateAgainst(schemaName: string, body: unknown): string[] {
  // Without the spec (a clone without ../shared) only the limits below are checked; callers say so.
  if (!specAvailable) return [];
  const validate = validatorFor(schemaName);
  return validate(body) ? [] : readableErrors(validate.errors ?? []);
}

/** Any value against one of the spec's schemas by name (e.g. 'MessageResponse'); [] without the spec. */
export function validateSchema(schemaName: string, value: unknown): string[] {
  return validateAgainst(schemaName, value);
}

/** POST /interactions/{id}/{token}/callback, by callback type, plus the limits the spec leaves out. */
export function validateInteractionCallback(body: unknown): string[] {
  const type = asRecord(body).type;
  const schemaName = typeof type === 'number' ? INTERACTION_CALLBACK_SCHEMAS[type] : undefined;
  if (typeof type !== 'number' || !schemaName) {
    return [`type ${JSON.stringify(type)} is not an interaction callback type this check knows`];
  }
  const carriesMessage = type >= 4 && type <= 7;
  const limits = carriesMessage ? checkUnspecifiedLimits(asRecord(body).data).map((error) => `data: ${error}`) : [];
  return [...validateAgainst(schemaName, body), ...limits];
}

/** POST /channels/{channel_id}/messages. */
export function validateCreateMessage(body: unknown): string[] {
  return [...validateAgainst(CREATE_MESSAGE_SCHEMA, body), ...checkUnspecifiedLimits(body)];
}

/** PATCH /channels/{channel_id}/messages/{message_id}. */
export function validateEditMessage(body: unknown): string[] {
  return [...validateAgainst(EDIT_MESSAGE_SCHEMA, body), ...checkUnspecifiedLimits(body)];
}

/** PATCH /webhooks/{application_id}/{token}/messages/{@original|message_id} (editReply and friends). */
export function validateWebhookEdit(body: unknown): string[] {
  return [...validateAgainst(WEBHOOK_EDIT_SCHEMA, body), ...checkUnspecifiedLimits(body)];
}

/** POST /webhooks/{application_id}/{token} (followUp). */
export function validateWebhookExecute(body: unknown): string[] {
  return [...validateAgainst(WEBHOOK_EXECUTE_SCHEMA, body), ...checkUnspecifiedLimits(body)];
}

/** POST /guilds/{guild_id}/roles. */
export function validateCreateRole(body: unknown): string[] {
  return validateAgainst('CreateRoleRequest', body);
}

/** PATCH /guilds/{guild_id}/roles/{role_id}. */
export function validateEditRole(body: unknown): string[] {
  return validateAgainst('UpdateRoleRequestPartial', body);
}

const MAX_CONTENT = 2000;
const MAX_EMBEDS = 10;
const MAX_EMBED_TOTAL = 6000;
const MAX_FIELDS = 25;
const MAX_ACTION_ROWS = 5;
const MAX_BUTTONS_PER_ROW = 5;
const ACTION_ROW = 1;
const BUTTON = 2;

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The total Discord counts against an embed's 6000-character budget. */
function embedCharacters(embed: Record<string, unknown>): number {
  const fields = Array.isArray(embed.fields) ? embed.fields.map(asRecord) : [];
  return (
    textLength(embed.title) +
    textLength(embed.description) +
    fields.reduce((sum, field) => sum + textLength(field.name) + textLength(field.value), 0) +
    textLength(asRecord(embed.footer).text) +
    textLength(asRecord(embed.author).name)
  );
}

/**
 * Limits Discord enforces that the OpenAPI spec does not express (or expresses more loosely):
 * content <= 2000, <= 10 embeds, <= 25 fields and <= 6000 characters per embed, <= 5 action rows of <= 5 buttons.
 * Takes a message body (content/embeds/components), i.e. the `data` of an interaction callback.
 */
export function checkUnspecifiedLimits(body: unknown): string[] {
  const message = asRecord(body);
  const errors: string[] = [];
  const contentLength = textLength(message.content);
  if (contentLength > MAX_CONTENT) errors.push(`content is ${contentLength} characters; the limit is ${MAX_CONTENT}`);

  const embeds = Array.isArray(message.embeds) ? message.embeds.map(asRecord) : [];
  if (embeds.length > MAX_EMBEDS) errors.push(`${embeds.length} embeds; the limit is ${MAX_EMBEDS}`);
  embeds.forEach((embed, index) => {
    const total = embedCharacters(embed);
    if (total > MAX_EMBED_TOTAL) {
      errors.push(`embeds[${index}] has ${total} characters in total; the limit is ${MAX_EMBED_TOTAL}`);
    }
    const fieldCount = Array.isArray(embed.fields) ? embed.fields.length : 0;
    if (fieldCount > MAX_FIELDS) errors.push(`embeds[${index}] has ${fieldCount} fields; the limit is ${MAX_FIELDS}`);
  });

  errors.push(...componentTotalsProblems(message));
  const components = Array.isArray(message.components) ? message.components.map(asRecord) : [];
  const rows = components.filter((component) => component.type === ACTION_ROW);
  if (rows.length > MAX_ACTION_ROWS) errors.push(`${rows.length} action rows; the limit is ${MAX_ACTION_ROWS}`);
  components.forEach((component, index) => {
    if (component.type !== ACTION_ROW) return;
    const children = Array.isArray(component.components) ? component.components.map(asRecord) : [];
    const buttons = children.filter((child) => child.type === BUTTON).length;
    if (buttons > MAX_BUTTONS_PER_ROW) {
      errors.push(`components[${index}] has ${buttons} buttons; the limit is ${MAX_BUTTONS_PER_ROW} per row`);
    }
  });
  return errors;
}

/** What a request uploaded, as far as the checks below need it. */
export interface UploadedFileSummary {
  index: number | null;
  filename: string;
}

/**
 * For a body sent with files (multipart), what the OpenAPI schema cannot see: every attachments entry names an
 * uploaded file files[n] by its id n (or, on an edit, a snowflake of an attachment the message has) with the same
 * filename, and every `attachment://name` in an embed names an uploaded file. Takes the payload (for an
 * interaction callback, its `data` is looked at) and the uploads.
 */
export function checkAttachmentReferences(body: unknown, files: readonly UploadedFileSummary[]): string[] {
  const record = asRecord(body);
  const message = 'data' in record && typeof record.type === 'number' ? asRecord(record.data) : record;
  const errors: string[] = [];
  const entries = Array.isArray(message.attachments) ? message.attachments.map(asRecord) : [];
  entries.forEach((entry, index) => {
    const id = String(entry.id ?? '');
    const upload = files.find((file) => file.index !== null && String(file.index) === id);
    if (!upload) {
      // A snowflake keeps an attachment the message already has; a small number must be an upload.
      if (!/^\d{17,20}$/.test(id)) errors.push(`attachments[${index}].id ${JSON.stringify(entry.id)} names no uploaded files[n]`);
      return;
    }
    if (typeof entry.filename === 'string' && entry.filename !== upload.filename) {
      errors.push(`attachments[${index}].filename "${entry.filename}" differs from the uploaded file's "${upload.filename}"`);
    }
  });
  const names = new Set([...files.map((file) => file.filename), ...entries.map((entry) => String(entry.filename ?? ''))]);
  const embeds = Array.isArray(message.embeds) ? message.embeds.map(asRecord) : [];
  embeds.forEach((embed, index) => {
    for (const key of ['image', 'thumbnail', 'author', 'footer'] as const) {
      const media = asRecord(embed[key]);
      for (const field of ['url', 'icon_url']) {
        const url = media[field];
        if (typeof url !== 'string' || !url.startsWith('attachment://')) continue;
        const name = url.slice('attachment://'.length);
        if (!files.some((file) => file.filename === name) || !names.has(name)) {
          errors.push(`embeds[${index}].${key}.${field} ${url} names no uploaded file`);
        }
      }
    }
  });
  const components = Array.isArray(message.components) ? message.components.map(asRecord) : [];
  for (const name of attachmentReferences(components)) {
    if (!files.some((file) => file.filename === name) || !names.has(name)) errors.push(`components: attachment://${name} names no uploaded file`);
  }
  return errors;
}
