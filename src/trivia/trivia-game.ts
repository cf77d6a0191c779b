// Trivia rounds as they are played: questions posted with buttons, a countdown that edits the
// message, answers recorded as they arrive, the reveal, the next question, the standings. Where
// the messages go is a port: Discord channels live, standard output in the console.
import type { Logger } from 'pino';
import type { TriviaFacts } from '../core/awards-facts.js';
import type { PlayerScore, StoredAnswer, StoredQuestion, TriviaStore } from '../core/trivia-records.js';
import type { Clock, TimerHandle, Timers } from '../core/clock.js';
import { nextQuestion, type TriviaQuestion } from '../core/trivia-questions.js';
import { pointsFor } from '../core/trivia-scoring.js';
import type { MessagePayload } from '../presentation/message-payload.js';

export interface RoundChannel {
  /** Posts a message in the channel; resolves with its id. */
  post(channelId: string, payload: MessagePayload): Promise<string>;
  edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void>;
}

/**
 * How a round's messages look, in the language of the server the round is played in: handed to
 * the engine by whoever builds it, so that the engine makes no text of its own.
 */
export interface RoundMessages {
  question(questionId: number, question: TriviaQuestion, position: number, total: number, secondsLeft: number): MessagePayload;
  reveal(
    questionId: number,
    question: TriviaQuestion,
    position: number,
    total: number,
    answers: StoredAnswer[],
    note?: { kind: 'stopped-by'; userId: string },
  ): MessagePayload;
  standings(standings: PlayerScore[], ending: 'finished' | 'stopped'): MessagePayload;
  notice(
    question: TriviaQuestion,
    questionId: number,
    position: number,
    total: number,
    notice: 'restarting' | 'interrupted-by-restart' | 'interrupted-by-outage',
  ): MessagePayload;
}

export interface TriviaGameDependencies {
  store: TriviaFacts;
  trivia: TriviaStore;
  clock: Clock;
  logger: Logger;
  channel: RoundChannel;
  /** The messages of a round in a server (null: the console). */
  messagesFor(guildId: string | null): RoundMessages;
  random: () => number;
  /**
   * Every wait of a round (a question's countdown, the pauses, the retries of a notice), on the
   * clock's time: the system's timers unless given (a test's, which it fires by moving its clock on).
   */
  timers?: Timers;
}

const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
};

export interface StartRequest {
  guildId: string | null;
  channelId: string;
  user: { id: string; name: string };
  questionCount: number;
  secondsPerQuestion: number;
  /** The artist the questions are about (with its members), or null for everyone. */
  artistId: number | null;
  /** When known (the console's one player), a question closes as soon as everyone has answered. */
  expectedPlayers?: number;
}

export type AnswerOutcome =
  | { status: 'locked-in'; choice: number }
  | { status: 'already'; choice: number }
  | { status: 'closed' };

export type StartOutcome =
  | { status: 'started'; roundId: number; questions: number }
  | { status: 'no-questions' }
  | { status: 'already-running' };

export type StopOutcome = { status: 'stopping' } | { status: 'no-round' } | { status: 'not-allowed'; startedBy: string };

export interface TriviaGame {
  /** Creates the round and its questions and starts playing it, unless it cannot. */
  start(request: StartRequest): StartOutcome;
  answer(questionId: number, choice: number, user: { id: string; name: string }, guildId: string | null): AnswerOutcome;
  /** A question as asked, read once per question and kept while its round is played here. */
  question(questionId: number): TriviaQuestion | undefined;
  /** Stops the channel's round, if there is one and the user may. */
  stop(channelId: string, user: { id: string }, mayManageMessages: boolean): StopOutcome;
  /** Ends rounds a previous process left active, editing their last question to say so. */
  interruptLeftoverRounds(holdsChannel: (channelId: string, guildId: string | null) => boolean): Promise<number>;
  /**
   * The question open in a channel that `userId` has not answered yet, waiting up to `waitMs` for
   * one to open (the console's next typed answer is for the next question).
   */
  openQuestion(channelId: string, userId: string, waitMs: number): Promise<StoredQuestion | null>;
  /** Resolves once no round is being played by this process. */
  idle(): Promise<void>;
  /** Stops playing (on shutdown): rounds in progress are marked interrupted. */
  shutdown(): Promise<void>;
}

/** A pause between the reveal and the next question, and the countdown's edit interval. */
const REVEAL_PAUSE_MS = 4000;
const COUNTDOWN_STEP_MS = 5000;
const GET_READY_MS = 2000;
/**
 * When a round fails on Discord (an outage), its open question is edited to say so once Discord
 * answers again: tried after each of these waits (about ten minutes in all), then given up.
 */
export const INTERRUPTED_NOTICE_RETRIES_MS = [1000, 2000, 3000, 5000, 5000, 10_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000];

interface PlayingRound {
  roundId: number;
  messages: RoundMessages;
  done: Promise<void>;
  /** Wakes the round's wait early: everyone answered, or the round was stopped. */
  wake: () => void;
  current: StoredQuestion | null;
  /** The question whose message still has live buttons (posted, not yet revealed or closed). */
  live: { questionId: number; messageId: string; question: TriviaQuestion; position: number; total: number } | null;
  questionOpened: Promise<void>;
  announceQuestion: () => void;
  expectedPlayers?: number;
  stoppedBy?: string;
}

function parseQuestion(stored: StoredQuestion): TriviaQuestion {
  return JSON.parse(stored.question) as TriviaQuestion;
}

export function createTriviaGame(deps: TriviaGameDependencies): TriviaGame {
  const { trivia, logger } = deps;
  const timers = deps.timers ?? systemTimers;
  const playing = new Map<string, PlayingRound>();
  /** Parsed questions by id: fifty clicks on one question read and parse it once. */
  const parsedQuestions = new Map<number, TriviaQuestion>();
  let shuttingDown = false;
  /** Notices waiting for Discord to answer again, each cancellable on shutdown. */
  const pendingNotices = new Set<{ cancel: () => void; done: Promise<void> }>();

  /**
   * Edits a failed round's open question to say the round was interrupted, retrying until Discord
   * answers (the failure that ended the round is usually still going on).
   */
  function noticeWhenDiscordAnswers(round: PlayingRound, channelId: string, live: NonNullable<PlayingRound['live']>): void {
    let timer: TimerHandle | undefined;
    let cancelled = false;
    let wakeUp = () => {};
    const pending = {
      cancel: () => {
        cancelled = true;
        timers.clearTimeout(timer);
        wakeUp();
      },
      done: (async () => {
        for (const waitMs of INTERRUPTED_NOTICE_RETRIES_MS) {
          await new Promise<void>((resolve) => {
            wakeUp = resolve;
            timer = timers.setTimeout(resolve, waitMs);
          });
          if (cancelled) return;
          try {
            await deps.channel.edit(channelId, live.messageId, round.messages.notice(live.question, live.questionId, live.position, live.total, 'interrupted-by-outage'));
            logger.info({ roundId: round.roundId }, 'marked a round interrupted by a Discord outage');
            return;
          } catch (error) {
            logger.warn({ err: error, roundId: round.roundId }, 'could not mark an interrupted round yet');
          }
        }
      })().finally(() => pendingNotices.delete(pending)),
    };
    pendingNotices.add(pending);
  }

  function questionById(questionId: number): TriviaQuestion | undefined {
    let question = parsedQuestions.get(questionId);
    if (!question) {
      const stored = trivia.question(questionId);
      if (!stored) return undefined;
      question = parseQuestion(stored);
      // Only the questions of rounds being played are worth keeping.
      if (parsedQuestions.size > 1000) parsedQuestions.clear();
      parsedQuestions.set(questionId, question);
    }
    return question;
  }

  /** Waits `ms`, or until `round.wake()` is called, whichever comes first. */
  function sleep(ms: number, round: PlayingRound): Promise<void> {
    return new Promise((resolve) => {
      const previous = round.wake;
      let timer: TimerHandle | undefined;
      const done = () => {
        timers.clearTimeout(timer);
        round.wake = previous;
        resolve();
      };
      timer = timers.setTimeout(done, ms);
      round.wake = done;
    });
  }

  function roundIsActive(roundId: number): boolean {
    return trivia.round(roundId)?.status === 'active' && !shuttingDown;
  }

  async function playQuestion(round: PlayingRound, channelId: string, stored: StoredQuestion, position: number, total: number) {
    const question = parseQuestion(stored);
    const durationMs = stored.closesAt! - stored.openedAt!;
    const { messages } = round;
    const messageId = await deps.channel.post(channelId, messages.question(stored.id, question, position, total, Math.round(durationMs / 1000)));
    trivia.setQuestionMessage(stored.id, messageId);
    round.current = { ...stored, messageId };
    round.live = { questionId: stored.id, messageId, question, position, total };
    round.announceQuestion();

    // Count down by editing the question, not by posting new messages.
    for (;;) {
      const left = stored.closesAt! - deps.clock.now().getTime();
      if (left <= 0 || !roundIsActive(round.roundId)) break;
      if (round.expectedPlayers !== undefined && trivia.answers(stored.id).length >= round.expectedPlayers) break;
      await sleep(Math.min(COUNTDOWN_STEP_MS, left), round);
      const remaining = Math.ceil((stored.closesAt! - deps.clock.now().getTime()) / 1000);
      if (remaining > 0 && roundIsActive(round.roundId)) {
        await deps.channel.edit(channelId, messageId, messages.question(stored.id, question, position, total, remaining));
      }
    }
    trivia.markRevealed(stored.id, deps.clock.now().getTime());
    const answers = trivia.answers(stored.id);
    if (shuttingDown) {
      await deps.channel.edit(channelId, messageId, messages.notice(question, stored.id, position, total, 'restarting'));
      round.live = null;
      return;
    }
    const note = round.stoppedBy ? { kind: 'stopped-by' as const, userId: round.stoppedBy } : undefined;
    await deps.channel.edit(channelId, messageId, messages.reveal(stored.id, question, position, total, answers, note));
    round.live = null;
  }

  async function play(round: PlayingRound, channelId: string, questions: TriviaQuestion[], secondsPerQuestion: number) {
    // The start announcement goes out first; the first question a moment later.
    await sleep(round.expectedPlayers !== undefined ? GET_READY_MS / 4 : GET_READY_MS, round);
    let finishedAll = true;
    for (const [index, question] of questions.entries()) {
      if (!roundIsActive(round.roundId)) {
        finishedAll = false;
        break;
      }
      const openedAt = deps.clock.now().getTime();
      const stored = trivia.addQuestion({
        roundId: round.roundId,
        position: index + 1,
        questionKey: question.key,
        question: JSON.stringify(question),
        openedAt,
        closesAt: openedAt + secondsPerQuestion * 1000,
      });
      await playQuestion(round, channelId, trivia.question(stored)!, index + 1, questions.length);
      // A lone console player needs less time to read the answer than a channel of fans.
      const pause = round.expectedPlayers !== undefined ? REVEAL_PAUSE_MS / 2 : REVEAL_PAUSE_MS;
      if (index < questions.length - 1 && roundIsActive(round.roundId)) await sleep(pause, round);
    }
    if (shuttingDown) return;
    const status = trivia.round(round.roundId)?.status;
    if (finishedAll && status === 'active') trivia.endRound(round.roundId, 'finished', deps.clock.now().getTime());
    const ending = status === 'stopped' || round.stoppedBy ? 'stopped' : 'finished';
    await deps.channel.post(channelId, round.messages.standings(trivia.roundStandings(round.roundId, 10), ending));
  }

  return {
    start(request) {
      const scopeIds =
        request.artistId === null
          ? null
          : [request.artistId, ...deps.store.membersOf(request.artistId).map((member) => member.id)];
      const asked = new Set<string>();
      const questions: TriviaQuestion[] = [];
      while (questions.length < request.questionCount) {
        const question = nextQuestion(deps.store, { artistIds: scopeIds }, asked, deps.random);
        if (!question) break;
        asked.add(question.key);
        questions.push(question);
      }
      if (questions.length === 0) return { status: 'no-questions' };
      const roundId = trivia.startRound({
        guildId: request.guildId,
        channelId: request.channelId,
        startedBy: request.user.id,
        questionCount: questions.length,
        secondsPerQuestion: request.secondsPerQuestion,
        artistId: request.artistId,
        createdAt: deps.clock.now().getTime(),
      });
      if (roundId === null) return { status: 'already-running' };

      let announce = () => {};
      const round: PlayingRound = {
        roundId,
        messages: deps.messagesFor(request.guildId),
        done: Promise.resolve(),
        wake: () => {},
        current: null,
        live: null,
        questionOpened: new Promise<void>((resolve) => (announce = resolve)),
        announceQuestion: () => {},
        ...(request.expectedPlayers !== undefined ? { expectedPlayers: request.expectedPlayers } : {}),
      };
      round.announceQuestion = () => {
        announce();
        round.questionOpened = new Promise<void>((resolve) => (announce = resolve));
      };
      playing.set(request.channelId, round);
      round.done = play(round, request.channelId, questions, request.secondsPerQuestion)
        .catch((error: unknown) => {
          logger.error({ err: error, roundId }, 'trivia round failed');
          trivia.endRound(roundId, 'interrupted', deps.clock.now().getTime());
          // Its open question would keep live buttons: closed once Discord answers again.
          if (round.live && !shuttingDown) noticeWhenDiscordAnswers(round, request.channelId, round.live);
        })
        .finally(() => {
          if (playing.get(request.channelId) === round) playing.delete(request.channelId);
          announce();
        });
      return { status: 'started', roundId, questions: questions.length };
    },

    answer(questionId, choice, user, guildId) {
      const stored = trivia.question(questionId);
      const now = deps.clock.now().getTime();
      if (!stored || stored.revealedAt !== null || stored.closesAt === null || now > stored.closesAt || trivia.round(stored.roundId)?.status !== 'active') {
        return { status: 'closed' };
      }
      const question = questionById(questionId)!;
      if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) return { status: 'closed' };
      const elapsedMs = Math.max(0, now - stored.openedAt!);
      const correct = choice === question.correct;
      const inserted = trivia.recordAnswer({
        questionId,
        userId: user.id,
        userName: user.name,
        guildId,
        choice,
        correct,
        elapsedMs,
        points: pointsFor(correct, elapsedMs, stored.closesAt - stored.openedAt!),
        answeredAt: now,
      });
      if (!inserted) return { status: 'already', choice: trivia.answer(questionId, user.id)!.choice };
      const round = [...playing.values()].find((r) => r.roundId === stored.roundId);
      if (round?.expectedPlayers !== undefined && trivia.answers(questionId).length >= round.expectedPlayers) {
        // After the answer's own confirmation has gone out.
        setImmediate(() => round.wake());
      }
      return { status: 'locked-in', choice };
    },

    question: questionById,

    stop(channelId, user, mayManageMessages) {
      const round = trivia.activeRoundIn(channelId);
      if (!round) return { status: 'no-round' };
      if (round.startedBy !== user.id && !mayManageMessages) return { status: 'not-allowed', startedBy: round.startedBy };
      trivia.endRound(round.id, 'stopped', deps.clock.now().getTime());
      const playingRound = playing.get(channelId);
      if (playingRound) {
        playingRound.stoppedBy = user.id;
        playingRound.wake();
      }
      return { status: 'stopping' };
    },

    async interruptLeftoverRounds(holdsChannel) {
      let count = 0;
      for (const round of trivia.activeRounds()) {
        if (playing.has(round.channelId) || !holdsChannel(round.channelId, round.guildId)) continue;
        trivia.endRound(round.id, 'interrupted', deps.clock.now().getTime());
        count++;
        const last = trivia.latestPostedQuestion(round.id);
        if (!last?.messageId) continue;
        try {
          const notice = deps.messagesFor(round.guildId).notice(parseQuestion(last), last.id, last.position, round.questionCount, 'interrupted-by-restart');
          await deps.channel.edit(round.channelId, last.messageId, notice);
        } catch (error) {
          logger.warn({ err: error, roundId: round.id }, 'could not mark an interrupted round');
        }
      }
      return count;
    },

    async openQuestion(channelId, userId, waitMs) {
      // One timer for the whole wait: the engine reads no wall clock of its own.
      let timedOut = false;
      let timer: TimerHandle | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = timers.setTimeout(() => {
          timedOut = true;
          resolve();
        }, waitMs);
      });
      try {
        for (;;) {
          const round = playing.get(channelId);
          if (!round) return null;
          const current = round.current;
          const open = current && trivia.question(current.id)?.revealedAt === null;
          if (current && open && !trivia.answer(current.id, userId)) return current;
          if (timedOut) return null;
          await Promise.race([round.questionOpened, round.done, timeout]);
        }
      } finally {
        timers.clearTimeout(timer);
      }
    },

    async idle() {
      await Promise.allSettled([...playing.values()].map((round) => round.done));
      await Promise.allSettled([...pendingNotices].map((pending) => pending.done));
    },

    async shutdown() {
      shuttingDown = true;
      const rounds = [...playing.values()];
      for (const round of rounds) {
        trivia.endRound(round.roundId, 'interrupted', deps.clock.now().getTime());
        round.wake();
      }
      await Promise.allSettled(rounds.map((round) => round.done));
      // A notice still waiting for Discord is given up: the round is already recorded as interrupted.
      for (const pending of pendingNotices) pending.cancel();
      await Promise.allSettled([...pendingNotices].map((pending) => pending.done));
    },
  };
}
