// Start-up configuration that production depends on: what must be set, and what production never does by default.
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/server/config.js';

const production = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://ecf.example.gov.uk' };

describe('configuration', () => {
  it('refuses to start in production without a session secret or the public origin', () => {
    expect(() => loadConfig({ ...production, SESSION_SECRET: undefined })).toThrow('SESSION_SECRET must be set');
    expect(() => loadConfig({ ...production, PUBLIC_URL: undefined })).toThrow('PUBLIC_URL must be set');
    expect(() => loadConfig({ ...production, SESSION_SECRET: 'short' })).toThrow('at least 32 characters');
  });

  it('never seeds the demo data and its well-known logins into a production database unless told to', () => {
    expect(loadConfig(production).seedDemoData).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(40) }).seedDemoData).toBe(true);
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(40), SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
  });

  it('sends cookies only over TLS in production, and trusts no proxy unless told which', () => {
    expect(loadConfig(production)).toMatchObject({ secureCookie: true, trustProxy: false });
  });
});
