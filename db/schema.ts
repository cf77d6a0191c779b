// The awards store: artists, ceremonies, nominations and milestones, every fact cited to a source.
// Natural keys (slugs, the article's file name, (edition, category, nominee)) are unique so that
// seeding is an upsert: loading the seed files twice changes nothing.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey(),
  /** The article's file name among the source articles. */
  identifier: text('identifier').notNull().unique(),
  /** Null for a living page (a wiki article), which has no publication date: `readOn` dates it. */
  publishedOn: text('published_on'),
  headline: text('headline').notNull(),
  /** Null when the outlet is not known. */
  outlet: text('outlet'),
  /**
   * A web page's address, for sources cited by imports and suggestions (their `identifier` is the
   * URL too); null for the seed articles, which are known by file name. `headline` is then the
   * page's title and `outlet` its publisher.
   */
  url: text('url'),
  /** When the page was read (YYYY-MM-DD): a web page can change after it is cited. */
  readOn: text('read_on'),
});

export const artists = sqliteTable(
  'artists',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['group', 'soloist'] }).notNull(),
    isKpop: integer('is_kpop', { mode: 'boolean' }).notNull(),
    /** Why the K-pop flag is what it is, when a source does not make it plain. */
    kpopNote: text('kpop_note'),
  },
  (table) => [check('artists_kind', sql`${table.kind} in ('group', 'soloist')`)],
);

export const artistAliases = sqliteTable(
  'artist_aliases',
  {
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** The alias folded by `normalizeName`: what look-ups compare. */
    normalized: text('normalized').notNull(),
    kind: text('kind', { enum: ['name', 'stage', 'birth', 'romanisation', 'hangul', 'short'] }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.artistId, table.normalized] }),
    index('artist_aliases_normalized').on(table.normalized),
    // An artist's aliases of one kind in the order they were recorded (the Hangul name), with no sort.
    index('artist_aliases_artist_kind').on(table.artistId, table.kind),
  ],
);

export const memberships = sqliteTable(
  'memberships',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.memberId] }),
    index('memberships_member').on(table.memberId),
  ],
);

export const ceremonies = sqliteTable('ceremonies', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** An award show has one edition a year; a weekly music show has one per episode. */
  kind: text('kind', { enum: ['award_show', 'music_show'] }).notNull().default('award_show'),
});

export const ceremonyAliases = sqliteTable(
  'ceremony_aliases',
  {
    ceremonyId: integer('ceremony_id')
      .notNull()
      .references(() => ceremonies.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    normalized: text('normalized').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ceremonyId, table.normalized] })],
);

export const editions = sqliteTable(
  'editions',
  {
    id: integer('id').primaryKey(),
    ceremonyId: integer('ceremony_id')
      .notNull()
      .references(() => ceremonies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** The ceremony's local calendar date at its venue (YYYY-MM-DD); null when no source gives it. */
    heldOn: text('held_on'),
    venue: text('venue'),
    city: text('city'),
    /** IANA time zone of the venue, e.g. America/New_York. */
    timeZone: text('time_zone'),
    notes: text('notes'),
    /** The source for the date, venue and notes. */
    sourceId: integer('source_id').references(() => sources.id),
    /** MM-DD of `heldOn`, for "on this day" look-ups. */
    heldOnMonthDay: text('held_on_month_day').generatedAlwaysAs(sql`substr(held_on, 6, 5)`, { mode: 'virtual' }),
    /** True for one episode of a weekly music show, whose `heldOn` is its air date. */
    episode: integer('episode', { mode: 'boolean' }).notNull().default(false),
    /**
     * What identifies the edition within its ceremony: 'YYYY' for an annual show, the air date
     * 'YYYY-MM-DD' for an episode. Derived in the row itself (not from the ceremony's kind) so that
     * one unique index keeps one edition per year for award shows and one per air date for music
     * shows, and existing rows need no rewriting: they are annual, and their key is their year.
     */
    editionKey: text('edition_key').generatedAlwaysAs(
      sql`case when episode = 1 then held_on else cast(year as text) end`,
      { mode: 'virtual' },
    ),
  },
  (table) => [
    uniqueIndex('editions_ceremony_edition_key').on(table.ceremonyId, table.editionKey),
    index('editions_ceremony_year').on(table.ceremonyId, table.year),
    index('editions_held_on_month_day').on(table.heldOnMonthDay),
  ],
);

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey(),
    ceremonyId: integer('ceremony_id')
      .notNull()
      .references(() => ceremonies.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** The ceremony's grand prize (a daesang at a year-end show). */
    grandPrize: integer('grand_prize', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [uniqueIndex('categories_ceremony_slug').on(table.ceremonyId, table.slug)],
);

/**
 * A source's word on a category's nominee list at an edition: `complete` when it gives the full
 * list (only then may trivia ask "which act was nominated"); a row with `complete` false records
 * why a list that looks full is not treated as such.
 */
export const completeNomineeLists = sqliteTable(
  'complete_nominee_lists',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(true),
    note: text('note'),
  },
  (table) => [primaryKey({ columns: [table.editionId, table.categoryId] })],
);

export const works = sqliteTable('works', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  kind: text('kind', { enum: ['song', 'album'] }).notNull(),
  /** YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source. */
  releasedOn: text('released_on'),
  releaseSourceId: integer('release_source_id').references(() => sources.id),
  /** What a source says about the work that is not a credit (e.g. a cameo it names as a featuring). */
  note: text('note'),
  noteSourceId: integer('note_source_id').references(() => sources.id),
});

export const workCredits = sqliteTable(
  'work_credits',
  {
    workId: integer('work_id')
      .notNull()
      .references(() => works.id, { onDelete: 'cascade' }),
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['primary', 'featured'] }).notNull(),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.workId, table.artistId] }), index('work_credits_artist').on(table.artistId)],
);

export const nominations = sqliteTable(
  'nominations',
  {
    id: integer('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    workId: integer('work_id').references(() => works.id, { onDelete: 'cascade' }),
    /** `work:<slug>` or `artists:<slug>+<slug>`: the natural key of the nominee within the category. */
    nomineeKey: text('nominee_key').notNull(),
    /** 'nominated' means the sources record the nomination and no win. */
    result: text('result', { enum: ['won', 'nominated'] }).notNull(),
    /**
     * The day the award was given (YYYY-MM-DD), when the ceremony was held over several days and
     * the sources say which; null otherwise, and the win is dated by its edition's `heldOn`.
     */
    awardedOn: text('awarded_on'),
    /** MM-DD of `awardedOn`, for "on this day" look-ups. */
    awardedOnMonthDay: text('awarded_on_month_day').generatedAlwaysAs(sql`substr(awarded_on, 6, 5)`, { mode: 'virtual' }),
    /** Provenance: both null for a fact from seeds/; otherwise the import or the approved suggestion. */
    importId: integer('import_id').references(() => imports.id),
    /** Not a foreign key: suggestions point back at the fact they created. */
    suggestionId: integer('suggestion_id'),
    /** The seed file that holds a seed fact. */
    seedFile: text('seed_file'),
    /** A withdrawn fact is hidden from every read and kept for the record. */
    withdrawnAt: integer('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    uniqueIndex('nominations_natural_key').on(table.editionId, table.categoryId, table.nomineeKey),
    index('nominations_category').on(table.categoryId),
    // An edition's wins without reading its other nominations ("on this day").
    index('nominations_edition_result').on(table.editionId, table.result),
    // Whether a work has a live nomination (trivia's "which song"): a seek instead of a scan.
    index('nominations_work').on(table.workId),
    // The few wins dated by their own day rather than their edition's ("on this day").
    index('nominations_awarded_on_month_day').on(table.awardedOnMonthDay).where(sql`${table.awardedOn} is not null`),
    check('nominations_result', sql`${table.result} in ('won', 'nominated')`),
  ],
);

/** The artists a nomination is for: the nominated artists, or the credited artists of the nominated work. */
export const nominationArtists = sqliteTable(
  'nomination_artists',
  {
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.nominationId, table.artistId] }),
    index('nomination_artists_artist').on(table.artistId),
  ],
);

export const nominationSources = sqliteTable(
  'nomination_sources',
  {
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => nominations.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (table) => [primaryKey({ columns: [table.nominationId, table.sourceId] })],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey(),
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: ['first', 'record', 'performance', 'chart', 'debut'] }).notNull(),
    /** The exact scope, as the source states it, in our words. */
    statement: text('statement').notNull(),
    /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
    occurredOn: text('occurred_on'),
    editionId: integer('edition_id').references(() => editions.id, { onDelete: 'set null' }),
    nominationId: integer('nomination_id').references(() => nominations.id, { onDelete: 'set null' }),
    workId: integer('work_id').references(() => works.id, { onDelete: 'set null' }),
    /** How the source words a claim it attributes to someone else, or why it is doubtful. */
    note: text('note'),
    /** A claim kept with its exact wording because it is garbled or doubtful: shown, never quizzed. */
    doubtful: integer('doubtful', { mode: 'boolean' }).notNull().default(false),
    /** Whom the source credits the claim to ("BLACKPINK BLINK UNION"): shown wherever the claim is. */
    attribution: text('attribution'),
    /** The date (YYYY-MM-DD) a claim was true as of, for "the only", "currently", "so far" claims. */
    asOf: text('as_of'),
    /**
     * False when the statement may be as true of acts it does not name ("had won VMAs before"):
     * trivia must not ask whose it is, nor call it false of another act.
     */
    exclusive: integer('exclusive', { mode: 'boolean' }).notNull().default(true),
    /** Provenance: both null for a fact from seeds/; otherwise the import or the approved suggestion. */
    importId: integer('import_id').references(() => imports.id),
    /** Not a foreign key: suggestions point back at the fact they created. */
    suggestionId: integer('suggestion_id'),
    /** The seed file that holds a seed fact. */
    seedFile: text('seed_file'),
    /** A withdrawn fact is hidden from every read and kept for the record. */
    withdrawnAt: integer('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
    /** MM-DD of `occurredOn` when it is a full date, for "on this day" look-ups. */
    occurredOnMonthDay: text('occurred_on_month_day').generatedAlwaysAs(
      sql`case when length(occurred_on) = 10 then substr(occurred_on, 6, 5) end`,
      { mode: 'virtual' },
    ),
  },
  // Live milestones only, with the date: a day's anniversaries are counted and sorted from the
  // index alone, without reading hundreds of rows on a big store.
  (table) => [
    index('milestones_live_on_month_day')
      .on(table.occurredOnMonthDay, table.occurredOn)
      .where(sql`${table.withdrawnAt} is null`),
  ],
);

export const milestoneArtists = sqliteTable(
  'milestone_artists',
  {
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.milestoneId, table.artistId] }),
    index('milestone_artists_artist').on(table.artistId),
  ],
);

export const milestoneSources = sqliteTable(
  'milestone_sources',
  {
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
  },
  (table) => [primaryKey({ columns: [table.milestoneId, table.sourceId] })],
);

/** One run of an import file that changed the store: its facts point here. */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes. */
    digest: text('digest').notNull(),
    importedAt: integer('imported_at').notNull(),
    /** Who ran it: a Discord user id, or a name at the terminal. */
    importedBy: text('imported_by').notNull(),
  },
  (table) => [index('imports_digest').on(table.digest)],
);

/**
 * A fan's proposed fact, waiting for a curator. `proposal` is the validated fact (JSON); `naturalKey`
 * is the key of the fact it would create, so that the same win suggested twice is found.
 */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['win', 'milestone'] }).notNull(),
    proposal: text('proposal').notNull(),
    naturalKey: text('natural_key').notNull(),
    /** What approval would create besides the fact: a new artist or ceremony (JSON). */
    creates: text('creates').notNull(),
    suggesterId: text('suggester_id').notNull(),
    suggesterName: text('suggester_name').notNull(),
    guildId: text('guild_id'),
    createdAt: integer('created_at').notNull(),
    status: text('status', { enum: ['waiting', 'approved', 'rejected'] }).notNull(),
    reviewerId: text('reviewer_id'),
    reviewedAt: integer('reviewed_at'),
    rejectionReason: text('rejection_reason'),
    nominationId: integer('nomination_id').references(() => nominations.id),
    milestoneId: integer('milestone_id').references(() => milestones.id),
  },
  (table) => [
    index('suggestions_status_created').on(table.status, table.createdAt),
    index('suggestions_suggester').on(table.suggesterId, table.status),
    index('suggestions_natural_key').on(table.naturalKey),
    check('suggestions_status', sql`${table.status} in ('waiting', 'approved', 'rejected')`),
  ],
);

/**
 * One row whose revision every change to a table of facts raises: triggers (migration 0007) do it,
 * whoever writes and from whichever process, so answers read from the store can be reused until
 * the number moves.
 */
export const factsRevision = sqliteTable('facts_revision', {
  id: integer('id').primaryKey(),
  revision: integer('revision').notNull(),
});

/** Bookkeeping for the seed loader: the digest of the seed files last loaded. */
export const storeMeta = sqliteTable('store_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---- Anniversary posts: each server's settings, the artists it follows, and one row per post. ----

export const anniversarySettings = sqliteTable(
  'anniversary_settings',
  {
    guildId: text('guild_id').primaryKey(),
    channelId: text('channel_id').notNull(),
    /** Local time of day, HH:MM. */
    postTime: text('post_time').notNull(),
    /** IANA time zone the post time and the post's calendar day are read in. */
    timeZone: text('time_zone').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    /** The first local date (YYYY-MM-DD) a post may be for: set-up after today's time starts tomorrow. */
    activeFrom: text('active_from').notNull(),
    /** The last problem posting (a lost permission, a deleted channel), shown by /anniversaries status. */
    lastProblem: text('last_problem'),
    lastProblemAt: integer('last_problem_at'),
    updatedAt: integer('updated_at').notNull(),
  },
);

/**
 * When the ticker next looks at each server whose posts are on (UTC milliseconds): one row per such
 * server, kept by the anniversary store. Clustered by that time (WITHOUT ROWID, added by hand to
 * migration 0006: drizzle-kit cannot say it), so that a tick reads its due servers and moves their
 * next checks on a few neighbouring pages rather than one page per server. There is no index by
 * server, as one would be rewritten at every move: the ticker moves a row from the time it read, and
 * the rare look-up by server (a settings change) scans this narrow table.
 */
export const anniversaryChecks = sqliteTable(
  'anniversary_checks',
  {
    nextCheckAt: integer('next_check_at').notNull(),
    guildId: text('guild_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.nextCheckAt, table.guildId] })],
);

export const anniversaryFollows = sqliteTable(
  'anniversary_follows',
  {
    guildId: text('guild_id').notNull(),
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.artistId] })],
);

/**
 * One row per server per local day that has a post: written (claimed) before the message is
 * sent, so that only the writer sends; marked sent with the message id.
 */
export const anniversaryPosts = sqliteTable(
  'anniversary_posts',
  {
    guildId: text('guild_id').notNull(),
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'failed'] }).notNull(),
    channelId: text('channel_id').notNull(),
    /** Sent with enforce_nonce, so that Discord drops a retried duplicate. */
    nonce: text('nonce').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: integer('claimed_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    late: integer('late', { mode: 'boolean' }).notNull(),
    messageId: text('message_id'),
    sentAt: integer('sent_at'),
    error: text('error'),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.localDate] }),
    index('anniversary_posts_status').on(table.status),
  ],
);

// ---- Trivia: rounds, their questions, and every answer (points are summed from answers). ----

export const triviaRounds = sqliteTable(
  'trivia_rounds',
  {
    id: integer('id').primaryKey(),
    /** Null for a round played in the console. */
    guildId: text('guild_id'),
    channelId: text('channel_id').notNull(),
    startedBy: text('started_by').notNull(),
    status: text('status', { enum: ['active', 'finished', 'stopped', 'interrupted'] }).notNull(),
    questionCount: integer('question_count').notNull(),
    secondsPerQuestion: integer('seconds_per_question').notNull(),
    artistId: integer('artist_id').references(() => artists.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (table) => [
    // One round per channel at a time, enforced by the database itself.
    uniqueIndex('trivia_rounds_one_active_per_channel').on(table.channelId).where(sql`status = 'active'`),
    index('trivia_rounds_status').on(table.status),
  ],
);

export const triviaQuestions = sqliteTable(
  'trivia_questions',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => triviaRounds.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    questionKey: text('question_key').notNull(),
    /** The question as asked: prompt, options, the right option, the fact and its sources (JSON). */
    question: text('question').notNull(),
    messageId: text('message_id'),
    openedAt: integer('opened_at'),
    closesAt: integer('closes_at'),
    revealedAt: integer('revealed_at'),
  },
  (table) => [uniqueIndex('trivia_questions_round_position').on(table.roundId, table.position)],
);

export const triviaAnswers = sqliteTable(
  'trivia_answers',
  {
    questionId: integer('question_id')
      .notNull()
      .references(() => triviaQuestions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    guildId: text('guild_id'),
    choice: integer('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    elapsedMs: integer('elapsed_ms').notNull(),
    points: integer('points').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (table) => [
    // The first click counts: a second insert for the same person and question is ignored.
    primaryKey({ columns: [table.questionId, table.userId] }),
    index('trivia_answers_guild_time').on(table.guildId, table.answeredAt),
    index('trivia_answers_user').on(table.userId),
  ],
);

// ---- Server-wide settings. ----

export const serverSettings = sqliteTable('server_settings', {
  guildId: text('guild_id').primaryKey(),
  /** The language of messages the whole server reads (a supported Discord locale); null follows Discord's preferred locale. */
  locale: text('locale'),
  updatedAt: integer('updated_at').notNull(),
});

// ---- Countdowns: each server's reminder days and scheduled events, and one row per event made. ----

export const countdownSettings = sqliteTable('countdown_settings', {
  guildId: text('guild_id').primaryKey(),
  /** Days ahead the daily post announces round anniversaries (e.g. [7, 1]); empty for none. */
  reminderDays: text('reminder_days', { mode: 'json' }).$type<number[]>().notNull(),
  /** Round anniversaries go on the server's Discord event list. */
  eventsEnabled: integer('events_enabled', { mode: 'boolean' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One row per server per anniversary (a milestone on a local date) put on its event list: inserted
 * (claimed) before the event is created, so that only the inserter creates it, and marked with the
 * event's id once Discord made it.
 */
export const countdownEvents = sqliteTable(
  'countdown_events',
  {
    guildId: text('guild_id').notNull(),
    /** `${milestoneId}:${localDate}`. */
    anniversaryKey: text('anniversary_key').notNull(),
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'created'] }).notNull(),
    eventId: text('event_id'),
    /** The event's name and start, to find an event a process made before it could record its id. */
    name: text('name').notNull(),
    startsAt: integer('starts_at').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: integer('claimed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.anniversaryKey] })],
);
// ---- Bias roles: each server's artist-to-role links, and how its fans pick them. ----

/** One row per linked artist: the server's role for that artist's fans. A role serves one artist. */
export const biasRoleLinks = sqliteTable(
  'bias_role_links',
  {
    guildId: text('guild_id').notNull(),
    artistId: integer('artist_id')
      .notNull()
      .references(() => artists.id, { onDelete: 'cascade' }),
    roleId: text('role_id').notNull(),
    linkedAt: integer('linked_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.artistId] }),
    uniqueIndex('bias_role_links_role').on(table.guildId, table.roleId),
  ],
);

export const biasSettings = sqliteTable('bias_settings', {
  guildId: text('guild_id').primaryKey(),
  /** How many bias roles one fan may hold; null for no cap. */
  pickLimit: integer('pick_limit'),
  /** Whether anniversary posts mention the linked roles of the artists they celebrate. */
  pings: integer('pings', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
});
// ---- The daily question: each server's settings, one question per local day, one answer per fan. ----

export const dailySettings = sqliteTable(
  'daily_settings',
  {
    guildId: text('guild_id').primaryKey(),
    channelId: text('channel_id').notNull(),
    /** Local time of day, HH:MM. */
    postTime: text('post_time').notNull(),
    /** IANA time zone the post time and the question's calendar day are read in. */
    timeZone: text('time_zone').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    /** The first local date a question may be for. */
    activeFrom: text('active_from').notNull(),
    /** When the ticker next looks at the server (UTC milliseconds); null while the question is off. */
    nextCheckAt: integer('next_check_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('daily_settings_next_check').on(table.nextCheckAt)],
);

/**
 * One row per server per local day that has a question: claimed (inserted, with the question
 * chosen) before the message is sent, so that only the writer sends; marked sent with the message id.
 */
export const dailyQuestions = sqliteTable(
  'daily_questions',
  {
    guildId: text('guild_id').notNull(),
    localDate: text('local_date').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'failed'] }).notNull(),
    channelId: text('channel_id').notNull(),
    /** Sent with enforce_nonce, so that Discord drops a retried duplicate. */
    nonce: text('nonce').notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: integer('claimed_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    late: integer('late', { mode: 'boolean' }).notNull(),
    questionKey: text('question_key').notNull(),
    kind: text('kind').notNull(),
    /** The acts the question is about (JSON array of artist ids), so that the next ones vary. */
    acts: text('acts').notNull(),
    /** The question as asked (JSON), fixed when it was claimed. */
    question: text('question').notNull(),
    messageId: text('message_id'),
    sentAt: integer('sent_at'),
    /** When the answer was shown to the channel (with the next question). */
    revealedAt: integer('revealed_at'),
    error: text('error'),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.localDate] }),
    index('daily_questions_status').on(table.status),
    index('daily_questions_key').on(table.guildId, table.questionKey),
  ],
);

export const dailyAnswers = sqliteTable(
  'daily_answers',
  {
    guildId: text('guild_id').notNull(),
    localDate: text('local_date').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    choice: integer('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (table) => [
    // One answer per fan per question: a second insert is ignored.
    primaryKey({ columns: [table.guildId, table.localDate, table.userId] }),
    index('daily_answers_user').on(table.guildId, table.userId),
  ],
);
