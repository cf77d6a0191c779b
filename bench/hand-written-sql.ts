// The same queries as the store's, written by hand: the store builds them with Drizzle's query
// builder; here they run directly through better-sqlite3, keeping the raw rows.
const hangulName = `(select h.alias from artist_aliases h where h.artist_id = a.id and h.kind = 'hangul' order by h.rowid limit 1)`;
const artistColumns = `a.id, a.slug, a.name, a.kind, a.is_kpop, ${hangulName}`;
const editionColumns = `e.id, c.slug, c.name, c.short_name, c.kind, e.year, e.episode, e.edition_key, e.held_on, e.venue, e.city, e.time_zone, e.notes`;
const nominationSelect = `select n.id, n.result, ${editionColumns}, cat.name, cat.slug, cat.grand_prize, w.title, w.released_on, w.note, n.awarded_on, n.import_id, n.suggestion_id
  from nominations n join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
  join categories cat on cat.id = n.category_id left join works w on w.id = n.work_id`;
const milestoneSelect = `select m.id, m.key, m.kind, m.statement, m.occurred_on, m.note, m.doubtful, m.attribution, m.as_of, m.exclusive,
  m.import_id, m.suggestion_id, ${editionColumns}, w.title
  from milestones m left join editions e on e.id = m.edition_id left join ceremonies c on c.id = e.ceremony_id left join works w on w.id = m.work_id`;

export const handWrittenSql = {
  artistById: `select ${artistColumns} from artists a where a.id = ?`,
  artistsByAlias: `select distinct ${artistColumns} from artist_aliases al join artists a on a.id = al.artist_id where al.normalized = ? order by a.name`,
  membersOf: `select ${artistColumns} from memberships m join artists a on a.id = m.member_id where m.group_id = ? order by a.name`,
  milestonesOf: `${milestoneSelect} where m.id in (select milestone_id from milestone_artists where artist_id = ?) and m.withdrawn_at is null`,
  nominationsOf: `${nominationSelect}
    where n.id in (select nomination_id from nomination_artists where artist_id = @artistId)
      and (@ceremonyId is null or e.ceremony_id = @ceremonyId) and (@year is null or e.year = @year)
      and (@result is null or n.result = @result) and n.withdrawn_at is null
    order by e.year desc, e.held_on desc, c.name, n.result = 'won' desc, cat.name`,
  // A day's anniversaries: how many, one page of their keys in date order, then that page's facts by id.
  // A win is dated by its award day when it has one, else by its edition's day; the synthetic store
  // has no award days, and the store then reads (as here) only the wins dated by their edition.
  countWinsOnMonthDays: `select count(*) from nominations n join editions e on e.id = n.edition_id
    where e.held_on_month_day in (@monthDay, @otherMonthDay) and n.awarded_on is null and n.result = 'won' and n.withdrawn_at is null
      and e.held_on < @yearStart`,
  countMilestonesOnMonthDays: `select count(*) from milestones m
    where m.occurred_on_month_day in (@monthDay, @otherMonthDay) and m.withdrawn_at is null and m.occurred_on < @yearStart`,
  anniversaryPage: `select 0 as kind, n.id, e.held_on as date, c.name as ceremony_name, cat.name as category_name
      from nominations n join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id join categories cat on cat.id = n.category_id
      where e.held_on_month_day in (@monthDay, @otherMonthDay) and n.awarded_on is null and n.result = 'won' and n.withdrawn_at is null
        and e.held_on < @yearStart
    union all
    select 1, m.id, m.occurred_on, '', '' from milestones m
      where m.occurred_on_month_day in (@monthDay, @otherMonthDay) and m.withdrawn_at is null and m.occurred_on < @yearStart
    order by date, kind, ceremony_name, category_name, id limit @limit offset @offset`,
  nominationsByIds: `${nominationSelect} where n.id in (select value from json_each(?))`,
  milestonesByIds: `${milestoneSelect} where m.id in (select value from json_each(?))`,
  // One batch each for a list of facts: their artists and their sources, by a JSON array of ids.
  nominationArtists: `select na.nomination_id, a.id, a.slug, a.name, a.is_kpop, wc.role, ${hangulName}
    from nomination_artists na join nominations n on n.id = na.nomination_id join artists a on a.id = na.artist_id
    left join work_credits wc on wc.work_id = n.work_id and wc.artist_id = na.artist_id
    where na.nomination_id in (select value from json_each(?)) order by na.nomination_id, na.position`,
  nominationSources: `select ns.nomination_id, s.identifier, s.published_on, s.headline, s.outlet, s.url, s.read_on
    from nomination_sources ns join sources s on s.id = ns.source_id
    where ns.nomination_id in (select value from json_each(?)) order by ns.nomination_id, ns.source_id`,
  milestoneArtists: `select ma.milestone_id, a.id, a.slug, a.name, a.is_kpop, null, ${hangulName}
    from milestone_artists ma join artists a on a.id = ma.artist_id
    where ma.milestone_id in (select value from json_each(?)) order by ma.milestone_id, ma.artist_id`,
  milestoneSources: `select ms.milestone_id, s.identifier, s.published_on, s.headline, s.outlet, s.url, s.read_on
    from milestone_sources ms join sources s on s.id = ms.source_id
    where ms.milestone_id in (select value from json_each(?)) order by ms.milestone_id, ms.source_id`,
};
