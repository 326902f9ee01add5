// AdminJS's login page and form, fitted to how staff sign in here: the props tell our Login component
// (components/login.tsx) whether to show the single sign-on button and the password form.
import { BaseAuthProvider, type CurrentAdmin, type LoginHandlerOptions } from 'adminjs';
import type { StaffSignInSettings } from '../../server/staff-sign-in-config.js';
import { authenticate } from '../authenticate.js';

export interface LoginPageProps {
  passwordSignIn: boolean;
  singleSignOn: { label: string; href: string } | null;
}

export class StaffAuthProvider extends BaseAuthProvider {
  private readonly props: LoginPageProps;

  constructor(private readonly settings: StaffSignInSettings, singleSignOnHref: string) {
    super();
    this.props = {
      passwordSignIn: settings.passwordSignIn,
      singleSignOn: settings.oidc ? { label: `Sign in with ${settings.oidc.providerName}`, href: singleSignOnHref } : null,
    };
  }

  override getUiProps(): LoginPageProps {
    return this.props;
  }

  override async handleLogin(opts: LoginHandlerOptions): Promise<CurrentAdmin | null> {
    // The routes refuse the form before this when password sign-in is off; this is the second lock.
    if (!this.settings.passwordSignIn) return null;
    return authenticate(opts.data.email as string, opts.data.password as string);
  }
}
