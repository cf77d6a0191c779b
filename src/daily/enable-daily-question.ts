// Turning a server's daily question on (or changing its channel, time or zone): the first local day
// a question may be for, and the first time the ticker should look, saved with the settings.
import { firstActiveDate, nextPostTime, type AnniversarySchedule } from '../core/anniversary-schedule.js';
import type { DailyQuestionStore } from '../core/daily-question-records.js';

export function enableDailyQuestion(
  daily: DailyQuestionStore,
  settings: { guildId: string; channelId: string; postTime: string; timeZone: string },
  now: Date,
): { localDate: string; at: Date } {
  const activeFrom = firstActiveDate(settings.postTime, settings.timeZone, now);
  // A day that has its question already is told by its claim: setting up again asks nothing twice.
  const schedule: AnniversarySchedule = { postTime: settings.postTime, timeZone: settings.timeZone, activeFrom, lastPostDate: null };
  const next = nextPostTime(schedule, activeFrom);
  daily.saveSettings({ ...settings, activeFrom, nextCheckAt: next.at.getTime(), now: now.getTime() });
  return next;
}
