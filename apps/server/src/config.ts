import path from 'node:path';
import { DEFAULT_RESPONSE_LEVELS, DEFAULT_RESPONSE_TIERS, ROLES, ResponseLevelRules, ResponseTiers, type ResponseLevelRule, type ResponseTier, type Role } from '@firebreak/contracts';
import type { KeyObject } from 'node:crypto';
import type { Profile } from '@firebreak/roadgraph';
import { z } from 'zod';
import { auditKeyProblem, auditSigningKey } from './config-audit.js';
import { parseLevels, type LevelConfig } from './config-levels.js';
import { DEFAULT_IDLE_BY_ROLE, RETIRED_VARIABLES, roleMinutesEnv, TrustProxyEnv, type LoginThrottlePolicy, type TrustProxy } from './config-login.js';
import { EmergencySpeedFactorsEnv, TrafficSignalSecondsEnv } from './config-roads.js';
import { flagEnv, jsonSetting, postgresUrl } from './config-values.js';

/**
 * Every setting comes from the environment and is validated once at boot.
 * Each variable is documented here, where it is declared; the README table mirrors this.
 */

const EnvSchema = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder for the embedded database and other local state. */
  FIREBREAK_DATA_DIR: z.string().min(1).default('./.firebreak'),
  /**
   * PostgreSQL connection string; unset = embedded PGlite in FIREBREAK_DATA_DIR. Several hosts as
   * libpq takes them (`postgres://app@db1,db2:5433/fb?target_session_attrs=read-write`) for failover.
   */
  DATABASE_URL: postgresUrl().optional(),
  /**
   * Connection string of the role that owns the schema: migrations and the app role's grants run
   * on it, the app itself never does. Unset = DATABASE_URL (the app then has the owner's rights; a warning says so).
   */
  DATABASE_OWNER_URL: postgresUrl().optional(),
  /** NATS server URL (JetStream enabled); unset = in-process event bus. */
  NATS_URL: z
    .url({ protocol: /^(nats|tls)$/ })
    .optional(),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Password for the first administrator `admin`; unset = random, printed once. */
  FIREBREAK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Load the demo country (Liechtenstein) into an empty database on first start. */
  FIREBREAK_DEMO: flagEnv(true),
  /** Push a move-up recommendation to the dispatchers when a dispatch takes a jurisdiction with its own threshold below it (issue 16). */
  MOVE_UP_WATCH: flagEnv(true),
  /**
   * The deployment's local time zone (IANA name): the hours of schools and kindergartens that
   * transport permits keep out of are read in it, not in the server's zone. Unset = the demo
   * country's, Europe/Vaduz.
   */
  FIREBREAK_TIME_ZONE: z.string().default('Europe/Vaduz').refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not a time zone known to this Node (an IANA name such as Europe/Berlin)'),
  /**
   * The organisation's levels, root first, comma-separated (2 to 8), e.g. `national,province,city,district,station`;
   * unset = national,region,municipality,station. Fixed once jurisdictions exist (docs/decisions/0007-configured-levels.md).
   */
  FIREBREAK_LEVELS: z.string().optional(),
  /** Display names of levels, `key=English|中文,…`; needed for keys without a built-in name, and overrides those. */
  FIREBREAK_LEVEL_NAMES: z.string().optional(),
  /** Set when the server is reached over HTTPS (directly or via a proxy): cookies become Secure. */
  FIREBREAK_TLS: flagEnv(false),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Longest lifetime of an API token in days (also the lifetime of one created without `expiresInDays`). */
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Proxies whose X-Forwarded-For is believed: unset = none; a number = that many hops; else a comma-separated list of IPs/CIDRs. */
  TRUST_PROXY: TrustProxyEnv,
  /** Failed logins per (account, client address) before each further attempt must wait (no account is ever locked by failures). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins per hour from one client address, whatever the usernames, before its attempts must wait (older ones leak away). */
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The first wait after the free failures, in seconds; it doubles with each further failure… */
  LOGIN_DELAY_FIRST_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** …up to this many minutes. */
  LOGIN_DELAY_MAX_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** A browser session with no request for this many minutes ends (CJIS 5.5.5: at most 30). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Per-role idle limits, `role=minutes,…`; the strictest of a user's roles applies. */
  SESSION_IDLE_MINUTES_BY_ROLE: roleMinutesEnv(1, 24 * 60, DEFAULT_IDLE_BY_ROLE),
  /** Roles whose holders must sign in with a second factor (TOTP), comma-separated; empty = none. */
  MFA_REQUIRED_ROLES: z
    .string()
    .default('administrator,auditor')
    .transform((v, ctx) => {
      const names = v.split(',').map((r) => r.trim()).filter(Boolean);
      const unknown = names.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}` });
        return z.NEVER;
      }
      return [...new Set(names)] as Role[];
    }),
  /** Issuer name shown in authenticator apps next to the account. */
  MFA_ISSUER: z.string().trim().min(1).max(60).default('Firebreak'),
  /** Key (32 bytes, base64) that encrypts stored TOTP secrets (AES-256-GCM); unset = stored unencrypted, with a warning at start. */
  MFA_SECRET_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)'),
  /** Ed25519 private key that signs audit checkpoints and keys the audit rows' MACs: PKCS#8 PEM or base64 of the 32-byte seed (`firebreak audit keygen`). */
  AUDIT_SIGNING_KEY: z.string().optional(),
  /** …or a file holding it (e.g. a mounted secret). Unset both = a key file generated in FIREBREAK_DATA_DIR (weaker; a warning says so). */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** Minutes between signed audit checkpoints written by `serve`; 0 = only on demand (`firebreak audit checkpoint`). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  /** `serve` writes a backup file here every FIREBREAK_BACKUP_HOURS (unset: no scheduled backups; docs/operations.md). */
  FIREBREAK_BACKUP_DIR: z.string().min(1).optional(),
  FIREBREAK_BACKUP_HOURS: z.coerce.number().min(0.05).max(24 * 31).default(24),
  /** How many scheduled backup files to keep in FIREBREAK_BACKUP_DIR (older ones are removed). */
  FIREBREAK_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /**
   * Web origins besides the server's own (`https://console.example.org,…`) whose pages may open
   * the event stream (WebSocket) with a user's cookie. Unset = only pages served by this server.
   */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const entries = (v ?? '').split(',').map((o) => o.trim()).filter(Boolean);
      const origins: string[] = [];
      for (const entry of entries) {
        const url = URL.canParse(entry) ? new URL(entry) : null;
        if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not a web origin (scheme://host[:port], nothing after)` });
        } else origins.push(url.origin);
      }
      return origins;
    }),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** Outbox relay poll interval in milliseconds (commands also wake it directly). */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** Name of this node, in logs and metrics. */
  NODE_NAME: z.string().min(1).max(100).default('node-1'),
  /** MQTT broker for AVL ingest (topic `<MQTT_TOPIC_PREFIX>/units/<unitId>/position`); unset = HTTP batches only. */
  MQTT_URL: z
    .url({ protocol: /^(mqtt|mqtts|ws|wss)$/ })
    .optional(),
  /**
   * The root of every MQTT topic of this deployment (units' and transports' positions, units'
   * assignments), so that several deployments can share one broker without seeing each other's
   * fixes. One or more topic levels without wildcards, e.g. `firebreak` (the default) or `li/firebreak`.
   */
  MQTT_TOPIC_PREFIX: z
    .string()
    .regex(/^[^/+#]+(\/[^/+#]+)*$/, 'one or more topic levels separated by "/", without wildcards (+, #) or empty levels')
    .max(100)
    .default('firebreak'),
  /** OSM extract (.osm.pbf) of the deployment's road network; unset = the demo country's (Liechtenstein). */
  FIREBREAK_ROAD_PBF: z.string().min(1).optional(),
  /**
   * Lights-and-sirens speed factors per road class replacing the defaults (ADR 0011), e.g.
   * `primary=1.3,residential=1.2`: fitted to the deployment's own CAD times. Unset = the defaults.
   */
  FIREBREAK_EMERGENCY_SPEED_FACTORS: EmergencySpeedFactorsEnv,
  /**
   * Seconds a traffic signal (`highway=traffic_signals`) adds per profile, e.g. `car=2,emergency=1`
   * (OSRM's car profile uses 2 s). Unset = none: costs stay what pgRouting computes.
   */
  FIREBREAK_TRAFFIC_SIGNAL_SECONDS: TrafficSignalSecondsEnv,
  /**
   * Turn costs in road ETAs (ADR 0013): `right` (default) or `left` for the side traffic keeps
   * to (OSRM car.lua's costs by turn angle, U-turns only at dead ends and junctions), `off` for
   * the node-based costs pgRouting computes. No rebuild: the graph and hierarchy are the same.
   */
  FIREBREAK_TURN_COSTS: z.enum(['right', 'left', 'off']).default('right'),
  /** A unit with no AVL report for this many seconds is flagged stale. */
  AVL_STALE_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(120),
  /** A dispatched unit whose AVL fix comes within this many metres of the incident is marked on scene. */
  ARRIVAL_RADIUS_METRES: z.coerce.number().int().min(10).max(5000).default(100),
  /** Possible duplicates at intake: same type within this many metres… */
  FIREBREAK_DUPLICATE_RADIUS_M: z.coerce.number().int().min(10).max(50_000).default(300),
  /** …and received within this many minutes of each other. */
  FIREBREAK_DUPLICATE_WINDOW_MIN: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  /** Demo switch: `firebreak serve` also runs the simulator (simulated incidents and unit movements). Never on a real deployment. */
  FIREBREAK_SIMULATE: flagEnv(false),
  /** Simulated incidents per hour when FIREBREAK_SIMULATE is on. */
  FIREBREAK_SIMULATE_RATE: z.coerce.number().min(0).max(3600).default(12),
  /** Seed of the simulation when FIREBREAK_SIMULATE is on. */
  FIREBREAK_SIMULATE_SEED: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** The response clock's tiers as JSON (see ResponseTier); unset = the 1-3-5 default. */
  FIREBREAK_RESPONSE_TIERS: jsonSetting(ResponseTiers, () => [...DEFAULT_RESPONSE_TIERS]),
  /** Major incidents' response levels as JSON (see ResponseLevelRule); unset = the I-IV default. */
  FIREBREAK_MAJOR_LEVELS: jsonSetting(ResponseLevelRules, () => [...DEFAULT_RESPONSE_LEVELS]),
  /** A major incident's report-up clock: minutes to the first report and to the written report, e.g. `30,60`. */
  FIREBREAK_MAJOR_REPORT_UP_MIN: z
    .string()
    .regex(/^\d{1,4},\d{1,4}$/, 'two whole numbers of minutes, first,written (e.g. 30,60)')
    .default('30,60')
    .transform((v) => v.split(',').map(Number) as [number, number])
    .refine(([first, written]) => first >= 1 && written >= first && written <= 24 * 60, 'first at least 1, written not before first, at most 1440'),
  /** Minutes between a major incident's situation reports (a later one is missed and escalates). */
  FIREBREAK_SITREP_INTERVAL_MIN: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /** The CAP `sender` of public alerts: the agency's stable id (no spaces, commas, '<' or '&'), e.g. an e-mail or a domain. */
  FIREBREAK_CAP_SENDER: z.string().regex(/^[^\s,<&]{1,200}$/, "no spaces, commas, '<' or '&' (CAP 1.2 §3.2.1)").default('firebreak.invalid'),
  /** The languages every public alert is written in, each an RFC 3066 tag (one CAP info block each). */
  FIREBREAK_ALERT_LANGUAGES: z
    .string()
    .default('en-US,zh-CN')
    .transform((v) => v.split(',').map((l) => l.trim()).filter(Boolean))
    .refine((ls) => ls.length >= 1 && ls.every((l) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(l)), 'comma-separated language tags, e.g. en-US,zh-CN'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where migrations run (the schema owner); equals databaseUrl when DATABASE_OWNER_URL is unset. */
  databaseOwnerUrl: string | undefined;
  natsUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  adminPassword: string | undefined;
  demo: boolean;
  /** Push move-up recommendations after dispatches (MOVE_UP_WATCH). */
  moveUpWatch: boolean;
  /** FIREBREAK_TIME_ZONE: the deployment's local time zone. */
  timeZone: string;
  /** The organisation's levels (FIREBREAK_LEVELS), root first, with their display names. */
  levels: LevelConfig;
  tls: boolean;
  sessionTtlHours: number;
  apiTokenMaxDays: number;
  trustProxy: TrustProxy;
  loginThrottle: LoginThrottlePolicy;
  sessionIdle: { defaultMinutes: number; byRole: Partial<Record<Role, number>> };
  mfa: { requiredRoles: Role[]; issuer: string; secretKey: Buffer | undefined };
  /** signingKey unset = the embedded default's key file in dataDir (platform/audit/signing-key.ts). */
  audit: { signingKey: KeyObject | undefined; checkpointMinutes: number };
  /** Scheduled backups by `serve` (dir unset: none). */
  backup: { dir: string | undefined; hours: number; keep: number };
  /** Origins besides the server's own whose pages may open the event stream. */
  allowedOrigins: string[];
  bodyLimitBytes: number;
  outboxPollMs: number;
  nodeName: string;
  mqttUrl: string | undefined;
  /** `MQTT_TOPIC_PREFIX`: the root of the deployment's MQTT topics. */
  mqttTopicPrefix: string;
  avlStaleSeconds: number;
  arrivalRadiusMetres: number;
  roadPbf: string | undefined;
  /** Replaces the default lights-and-sirens factor of the road classes it names (empty: none). */
  emergencySpeedFactors: Readonly<Record<string, number>>;
  /** Seconds per traffic signal by profile (empty: signals cost nothing). */
  trafficSignalSeconds: Readonly<Partial<Record<Profile, number>>>;
  /** Turn costs in ETAs: the side traffic keeps to, or off. */
  turnCosts: 'right' | 'left' | 'off';
  responseTiers: ResponseTier[];
  majorIncidents: { levels: ResponseLevelRule[]; reportUpMinutes: { first: number; written: number }; sitrepIntervalMinutes: number };
  /** Public alerts (CAP 1.2): the sender id and the languages each alert is written in. */
  publicAlerts: { sender: string; languages: string[] };
  duplicates: { radiusMetres: number; windowMinutes: number };
  simulate: { enabled: boolean; ratePerHour: number; seed: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KEEP_EMPTY = new Set(['MFA_REQUIRED_ROLES', 'SESSION_IDLE_MINUTES_BY_ROLE']);

/** Reads and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, except where empty is a meaningful value (no role needs MFA, no per-role idle limits).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== '' || KEEP_EMPTY.has(k)));
  const parsed = EnvSchema.safeParse(cleaned);
  const retired = Object.keys(cleaned).filter((k) => k in RETIRED_VARIABLES).map((k) => `${k}: no longer used — ${RETIRED_VARIABLES[k]}`);
  if (!parsed.success || retired.length > 0) {
    const problems = [...(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []), ...retired];
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const keyProblem = auditKeyProblem(e);
  if (keyProblem) throw new ConfigError([keyProblem]);
  const levels = parseLevels(e.FIREBREAK_LEVELS, e.FIREBREAK_LEVEL_NAMES);
  if (!levels.levels) throw new ConfigError(levels.problems);
  // The demo country has three boundary levels (country, regions, municipalities) to lay onto the configured ones.
  if (e.FIREBREAK_DEMO && levels.levels.keys.length < 3) {
    throw new ConfigError([`FIREBREAK_DEMO: the demo country needs at least 3 levels and FIREBREAK_LEVELS has ${levels.levels.keys.length}; set FIREBREAK_DEMO=false`]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.FIREBREAK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    natsUrl: e.NATS_URL,
    logLevel: e.LOG_LEVEL,
    adminPassword: e.FIREBREAK_ADMIN_PASSWORD,
    demo: e.FIREBREAK_DEMO,
    moveUpWatch: e.MOVE_UP_WATCH,
    timeZone: e.FIREBREAK_TIME_ZONE,
    levels: levels.levels,
    tls: e.FIREBREAK_TLS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    apiTokenMaxDays: e.API_TOKEN_MAX_DAYS,
    trustProxy: e.TRUST_PROXY,
    loginThrottle: {
      freeFailures: e.LOGIN_FREE_FAILURES,
      addressFreeFailures: e.LOGIN_ADDRESS_FREE_FAILURES,
      firstDelaySeconds: e.LOGIN_DELAY_FIRST_SECONDS,
      maxDelaySeconds: e.LOGIN_DELAY_MAX_MINUTES * 60,
    },
    sessionIdle: { defaultMinutes: e.SESSION_IDLE_MINUTES, byRole: e.SESSION_IDLE_MINUTES_BY_ROLE },
    mfa: { requiredRoles: e.MFA_REQUIRED_ROLES, issuer: e.MFA_ISSUER, secretKey: e.MFA_SECRET_KEY === undefined ? undefined : Buffer.from(e.MFA_SECRET_KEY, 'base64') },
    audit: { signingKey: auditSigningKey(e), checkpointMinutes: e.AUDIT_CHECKPOINT_MINUTES },
    backup: { dir: e.FIREBREAK_BACKUP_DIR === undefined ? undefined : path.resolve(e.FIREBREAK_BACKUP_DIR), hours: e.FIREBREAK_BACKUP_HOURS, keep: e.FIREBREAK_BACKUP_KEEP },
    allowedOrigins: e.ALLOWED_ORIGINS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    outboxPollMs: e.OUTBOX_POLL_MS,
    nodeName: e.NODE_NAME,
    mqttUrl: e.MQTT_URL,
    mqttTopicPrefix: e.MQTT_TOPIC_PREFIX,
    avlStaleSeconds: e.AVL_STALE_SECONDS,
    arrivalRadiusMetres: e.ARRIVAL_RADIUS_METRES,
    roadPbf: e.FIREBREAK_ROAD_PBF === undefined ? undefined : path.resolve(e.FIREBREAK_ROAD_PBF),
    emergencySpeedFactors: e.FIREBREAK_EMERGENCY_SPEED_FACTORS,
    trafficSignalSeconds: e.FIREBREAK_TRAFFIC_SIGNAL_SECONDS,
    turnCosts: e.FIREBREAK_TURN_COSTS,
    responseTiers: e.FIREBREAK_RESPONSE_TIERS,
    majorIncidents: {
      levels: e.FIREBREAK_MAJOR_LEVELS,
      reportUpMinutes: { first: e.FIREBREAK_MAJOR_REPORT_UP_MIN[0], written: e.FIREBREAK_MAJOR_REPORT_UP_MIN[1] },
      sitrepIntervalMinutes: e.FIREBREAK_SITREP_INTERVAL_MIN,
    },
    publicAlerts: { sender: e.FIREBREAK_CAP_SENDER, languages: e.FIREBREAK_ALERT_LANGUAGES },
    duplicates: { radiusMetres: e.FIREBREAK_DUPLICATE_RADIUS_M, windowMinutes: e.FIREBREAK_DUPLICATE_WINDOW_MIN },
    simulate: { enabled: e.FIREBREAK_SIMULATE, ratePerHour: e.FIREBREAK_SIMULATE_RATE, seed: e.FIREBREAK_SIMULATE_SEED },
  };
}
