// How the environment turns into staff sign-in settings, and the mistakes that stop the app starting.
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../src/server/config.js';
import { loadStaffSignIn } from '../../src/server/staff-sign-in-config.js';

const SSO = { OIDC_ISSUER_URL: 'https://oidc.signin.education.gov.uk', OIDC_CLIENT_ID: 'ecf', OIDC_CLIENT_SECRET: 'secret' };

describe('staff sign-in settings', () => {
  it('keeps password sign-in, and no single sign-on, when nothing is set (the embedded demo)', () => {
    expect(loadStaffSignIn({}, false)).toEqual({ passwordSignIn: true });
  });

  it('reads single sign-on, with the callback under PUBLIC_URL and the provider named DfE Sign-in unless told', () => {
    const settings = loadStaffSignIn({ ...SSO, PUBLIC_URL: 'https://ecf.example.gov.uk', PASSWORD_SIGN_IN: 'false' }, true);
    expect(settings.passwordSignIn).toBe(false);
    expect(settings.oidc?.redirectUrl?.href).toBe('https://ecf.example.gov.uk/admin/sign-in/oidc/callback');
    expect(settings.oidc?.providerName).toBe('DfE Sign-in');
    expect(loadStaffSignIn({ ...SSO, OIDC_PROVIDER_NAME: 'Entra ID' }, false).oidc?.providerName).toBe('Entra ID');
  });

  it('refuses to start with settings that would lock everyone out or leak sign-ins', () => {
    expect(() => loadStaffSignIn({ PASSWORD_SIGN_IN: 'false' }, false)).toThrow(ConfigError);
    expect(() => loadStaffSignIn({ OIDC_ISSUER_URL: SSO.OIDC_ISSUER_URL }, false)).toThrow('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET missing');
    expect(() => loadStaffSignIn({ ...SSO, OIDC_ISSUER_URL: 'http://idp.example.com' }, true)).toThrow('must use https');
    expect(() => loadStaffSignIn({ ...SSO, OIDC_ISSUER_URL: 'not a url' }, false)).toThrow('must be a full URL');
  });
});
