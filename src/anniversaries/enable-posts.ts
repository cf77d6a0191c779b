// Turning a server's anniversary posts on (or changing their channel, time or zone): the first
// local day a post may be for, and the first time the ticker should look, saved with the settings.
import type { AnniversaryStore } from '../core/anniversary-records.js';
import { firstActiveDate, nextPostTime, type AnniversarySchedule } from '../core/anniversary-schedule.js';

export function enableAnniversaryPosts(
  anniversaries: AnniversaryStore,
  settings: { guildId: string; channelId: string; postTime: string; timeZone: string },
  now: Date,
): AnniversarySchedule {
  const activeFrom = firstActiveDate(settings.postTime, settings.timeZone, now);
  const schedule: AnniversarySchedule = {
    postTime: settings.postTime,
    timeZone: settings.timeZone,
    activeFrom,
    // A day that already has its post keeps it: turning posts off and on again posts nothing twice.
    lastPostDate: anniversaries.settings(settings.guildId)?.lastPostDate ?? null,
  };
  anniversaries.saveSettings({
    ...settings,
    activeFrom,
    nextCheckAt: nextPostTime(schedule, activeFrom).at.getTime(),
    now: now.getTime(),
  });
  return schedule;
}
