/**
 * The gateway half of the fake Discord: HELLO, IDENTIFY -> READY + GUILD_CREATEs, heartbeats,
 * RESUME with replay, and dispatches with per-session sequence numbers.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayOpcodes } from 'discord.js';
import type { GatewayGuildCreateDispatchData, GatewayReadyDispatchData } from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface GatewayFrame {
  direction: 'sent' | 'received';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
  sessionId: string | null;
}

export interface GuildMembersRequest {
  guildId: string;
  query?: string;
  limit: number;
  userIds?: string[];
}

/** What the gateway needs to know about the world to greet a client and answer its requests. */
/** [shard id, shard count], as in IDENTIFY and READY. */
export type ShardPair = [number, number];

export interface GatewayWorld {
  ready(sessionId: string, resumeUrl: string, shard: ShardPair): GatewayReadyDispatchData;
  /** The guilds of one shard. */
  guildCreates(shard: ShardPair): GatewayGuildCreateDispatchData[];
  guildCount(): number;
  guildMembers(request: GuildMembersRequest): { members: unknown[]; notFound: string[] };
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  url: () => string;
  record: (frame: GatewayFrame) => void;
}

interface Session {
  id: string;
  intents: number;
  shard: ShardPair;
  seq: number;
  /** Sent dispatches, for RESUME replay. */
  history: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

const HISTORY_LIMIT = 1000;
/** Discord closes with 4011 (sharding required) past this many guilds on one shard. */
const GUILDS_PER_SHARD_LIMIT = 2500;

/** Close codes after which Discord drops the session instead of keeping it resumable. */
const SESSION_ENDING_CLOSE_CODES = new Set([1000, 1001]);

export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Session bound to each open socket (null until IDENTIFY/RESUME succeeds). */
  private readonly sockets = new Map<WebSocket, Session | null>();

  constructor(
    private readonly world: GatewayWorld,
    private readonly options: GatewayOptions,
  ) {}

  /** Sessions that will receive dispatches, now or on resume. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const params = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.sockets.set(ws, null);
      ws.on('message', (data) => this.onMessage(ws, data));
      ws.on('close', (code) => this.onClose(ws, code));
      ws.on('error', () => ws.terminate());
      // discord.js only asks for zlib-stream when zlib-sync is installed; JSON is all this fake speaks.
      if (params.get('encoding') === 'etf' || params.has('compress')) {
        ws.close(4002, 'The fake gateway only speaks uncompressed JSON');
        return;
      }
      this.send(ws, null, {
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-gateway'] },
      });
    });
  }

  /**
   * Sends a dispatch to every session, or only those whose IDENTIFY asked for `intent`, and for a
   * guild's event only to the session of the guild's shard. Sessions whose client is away
   * (reconnecting) get it on RESUME, like Discord's replay. Returns the number of sessions.
   */
  dispatch(t: string, d: unknown, intent?: number, guildId?: string): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      if (guildId !== undefined && Number((BigInt(guildId) >> 22n) % BigInt(session.shard[1])) !== session.shard[0]) continue;
      this.sendDispatch(session, t, d);
      delivered += 1;
    }
    return delivered;
  }

  /** Asks every client to reconnect and resume (opcode 7), as Discord does before maintenance. */
  requestReconnect(): void {
    for (const socket of this.sockets.keys()) this.send(socket, null, { op: GatewayOpcodes.Reconnect, d: null });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sockets.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onMessage(socket: WebSocket, data: RawData): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const session = this.sockets.get(socket) ?? null;
    const op = typeof payload.op === 'number' ? payload.op : -1;
    const sessionId = session?.id ?? null;
    this.options.record({ direction: 'received', op, t: null, s: null, d: payload.d, at: Date.now(), sessionId });

    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.send(socket, session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(socket, session, payload.d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(socket, session, payload.d);
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!session) socket.close(4003, 'Not authenticated.');
        else this.answerGuildMembers(session, payload.d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!session) socket.close(4003, 'Not authenticated.');
        return;
      default:
        socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(socket: WebSocket, current: Session | null, d: unknown): void {
    if (current) {
      socket.close(4005, 'Already authenticated.');
      return;
    }
    const identify = (d ?? {}) as { token?: unknown; intents?: unknown; shard?: unknown };
    if (typeof identify.token !== 'string' || identify.token.length === 0) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard: ShardPair = Array.isArray(identify.shard) ? [Number(identify.shard[0]), Number(identify.shard[1])] : [0, 1];
    if (!Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    if (this.world.guildCount() / shard[1] > GUILDS_PER_SHARD_LIMIT) {
      socket.close(4011, 'Sharding required.');
      return;
    }
    // A shard identifying again replaces its earlier session that no client holds (a process that died).
    for (const [id, earlier] of this.sessions) {
      if (earlier.socket === null && earlier.shard[0] === shard[0] && earlier.shard[1] === shard[1]) this.sessions.delete(id);
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: typeof identify.intents === 'number' ? identify.intents : 0,
      shard,
      seq: 0,
      history: [],
      socket,
    };
    this.sessions.set(session.id, session);
    this.sockets.set(socket, session);
    this.sendDispatch(session, 'READY', this.world.ready(session.id, this.options.url(), shard));
    for (const guild of this.world.guildCreates(shard)) this.sendDispatch(session, 'GUILD_CREATE', guild);
  }

  private resume(socket: WebSocket, current: Session | null, d: unknown): void {
    const resume = (d ?? {}) as { session_id?: unknown; seq?: unknown };
    const session = typeof resume.session_id === 'string' ? this.sessions.get(resume.session_id) : undefined;
    if (current || !session) {
      // d: false tells the client to start over with a fresh IDENTIFY.
      this.send(socket, null, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (session.socket && session.socket !== socket) {
      // The client came back before its old socket finished closing: the new connection takes over.
      this.sockets.delete(session.socket);
      session.socket.terminate();
    }
    session.socket = socket;
    this.sockets.set(socket, session);
    const seenUpTo = typeof resume.seq === 'number' ? resume.seq : 0;
    for (const missed of session.history.filter((entry) => entry.s > seenUpTo)) {
      this.send(socket, session, { op: GatewayOpcodes.Dispatch, t: missed.t, s: missed.s, d: missed.d });
    }
    this.sendDispatch(session, 'RESUMED', {});
  }

  private answerGuildMembers(session: Session, d: unknown): void {
    const request = (d ?? {}) as {
      guild_id?: unknown;
      query?: unknown;
      limit?: unknown;
      user_ids?: unknown;
      nonce?: unknown;
    };
    const guildIds = Array.isArray(request.guild_id) ? request.guild_id.map(String) : [String(request.guild_id ?? '')];
    const userIds =
      request.user_ids === undefined
        ? undefined
        : (Array.isArray(request.user_ids) ? request.user_ids : [request.user_ids]).map(String);
    for (const guildId of guildIds) {
      const { members, notFound } = this.world.guildMembers({
        guildId,
        limit: typeof request.limit === 'number' ? request.limit : 0,
        ...(typeof request.query === 'string' ? { query: request.query } : {}),
        ...(userIds ? { userIds } : {}),
      });
      this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', {
        guild_id: guildId,
        members,
        chunk_index: 0,
        chunk_count: 1,
        not_found: notFound,
        ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
      });
    }
  }

  private onClose(socket: WebSocket, code: number): void {
    const session = this.sockets.get(socket);
    this.sockets.delete(socket);
    if (!session) return;
    session.socket = null;
    if (SESSION_ENDING_CLOSE_CODES.has(code)) this.sessions.delete(session.id);
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    session.history.push({ s: session.seq, t, d });
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    if (session.socket) this.send(session.socket, session, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  private send(
    socket: WebSocket,
    session: Session | null,
    frame: { op: number; d?: unknown; t?: string; s?: number },
  ): void {
    if (socket.readyState !== socket.OPEN) return;
    const payload = { op: frame.op, d: frame.d ?? null, s: frame.s ?? null, t: frame.t ?? null };
    this.options.record({
      direction: 'sent',
      op: payload.op,
      t: payload.t,
      s: payload.s,
      d: payload.d,
      at: Date.now(),
      sessionId: session?.id ?? null,
    });
    socket.send(JSON.stringify(payload));
  }
}
