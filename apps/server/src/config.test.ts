import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, databaseUrl: undefined, natsUrl: undefined, logLevel: 'info', demo: true, tls: false });
    expect(c.dataDir.endsWith('.firebreak')).toBe(true);
  });

  it('reads every variable it documents', () => {
    const c = loadConfig({
      PORT: '9000',
      FIREBREAK_DATA_DIR: '/tmp/fb',
      DATABASE_URL: 'postgres://u@db:5432/fb',
      NATS_URL: 'nats://bus:4222',
      LOG_LEVEL: 'warn',
      FIREBREAK_TLS: 'true',
    });
    expect(c).toMatchObject({ port: 9000, dataDir: '/tmp/fb', databaseUrl: 'postgres://u@db:5432/fb', natsUrl: 'nats://bus:4222', logLevel: 'warn', tls: true });
  });

  it('reads the deployment\'s time zone, the demo country\'s by default, and refuses an unknown one', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Vaduz');
    expect(loadConfig({ FIREBREAK_TIME_ZONE: 'Asia/Shanghai' }).timeZone).toBe('Asia/Shanghai');
    expect(() => loadConfig({ FIREBREAK_TIME_ZONE: 'Mars/Olympus' })).toThrow(/FIREBREAK_TIME_ZONE/);
  });

  it('lists every problem, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(problems).toContain(name);
  });

  it('reads lights-and-sirens speed factors per road class, and names a bad entry', () => {
    expect(loadConfig({}).emergencySpeedFactors).toEqual({});
    expect(loadConfig({ FIREBREAK_EMERGENCY_SPEED_FACTORS: 'primary=1.3, residential=1.2' }).emergencySpeedFactors).toEqual({ primary: 1.3, residential: 1.2 });
    for (const bad of ['primary=fast', 'freeway=1.2', 'primary=9', 'primary']) {
      expect(() => loadConfig({ FIREBREAK_EMERGENCY_SPEED_FACTORS: bad }), bad).toThrow(/FIREBREAK_EMERGENCY_SPEED_FACTORS/);
    }
  });

  it('reads traffic-signal seconds per profile, and names a bad entry', () => {
    expect(loadConfig({}).trafficSignalSeconds).toEqual({});
    expect(loadConfig({ FIREBREAK_TRAFFIC_SIGNAL_SECONDS: 'car=2, emergency=0.5' }).trafficSignalSeconds).toEqual({ car: 2, emergency: 0.5 });
    for (const bad of ['car=slow', 'bus=2', 'car=61', 'car=-1', 'car', 'car=']) {
      expect(() => loadConfig({ FIREBREAK_TRAFFIC_SIGNAL_SECONDS: bad }), bad).toThrow(/FIREBREAK_TRAFFIC_SIGNAL_SECONDS/);
    }
  });

  it('reads the turn costs: right-hand traffic by default, left, or off; nothing else', () => {
    expect(loadConfig({}).turnCosts).toBe('right');
    expect(loadConfig({ FIREBREAK_TURN_COSTS: 'left' }).turnCosts).toBe('left');
    expect(loadConfig({ FIREBREAK_TURN_COSTS: 'off' }).turnCosts).toBe('off');
    expect(() => loadConfig({ FIREBREAK_TURN_COSTS: 'yes' })).toThrow(/FIREBREAK_TURN_COSTS/);
  });

  it('makes the CLI exit with code 2 and one clear message on bad configuration', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
      env: { ...process.env, PORT: '70000', DATABASE_URL: '', NATS_URL: '' },
      encoding: 'utf8',
      // Loading the whole server through tsx takes tens of seconds on a loaded 2-core machine.
      timeout: 100_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
  }, 120_000);
});

describe('MFA configuration', () => {
  it('requires MFA of administrators and auditors by default; empty means no role', () => {
    expect(loadConfig({}).mfa).toMatchObject({ requiredRoles: ['administrator', 'auditor'], issuer: 'Firebreak', secretKey: undefined });
    expect(loadConfig({ MFA_REQUIRED_ROLES: '' }).mfa.requiredRoles).toEqual([]);
    expect(loadConfig({ MFA_REQUIRED_ROLES: ' dispatcher , administrator,dispatcher' }).mfa.requiredRoles).toEqual(['dispatcher', 'administrator']);
  });

  it('names an unknown role, and a key that is not 32 bytes of base64', () => {
    let error: unknown;
    try {
      loadConfig({ MFA_REQUIRED_ROLES: 'administrator,admin', MFA_SECRET_KEY: 'c2hvcnQ=' });
    } catch (err) {
      error = err;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/MFA_REQUIRED_ROLES: unknown role\(s\) admin;/);
    expect(problems).toContain('MFA_SECRET_KEY');
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ MFA_SECRET_KEY: key }).mfa.secretKey).toEqual(Buffer.alloc(32, 7));
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('is empty by default (only pages the server serves itself), and reads a comma-separated list of origins', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ ALLOWED_ORIGINS: ' https://Console.example.org , http://localhost:5173/' }).allowedOrigins).toEqual(['https://console.example.org', 'http://localhost:5173']);
  });

  it('names every entry that is not a bare web origin', () => {
    let error: unknown;
    try {
      loadConfig({ ALLOWED_ORIGINS: 'https://ok.example,https://x.example/path,ftp://files.example,*' });
    } catch (err) {
      error = err;
    }
    const problems = (error as ConfigError).problems;
    expect(problems.filter((p) => p.startsWith('ALLOWED_ORIGINS'))).toHaveLength(3);
    expect(problems.join('\n')).toContain('"https://x.example/path" is not a web origin');
  });
});
