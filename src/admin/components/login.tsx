// The back office's sign-in page: the single sign-on button when a provider is configured, and the
// password form unless password sign-in is switched off (props from src/admin/sign-in/staff-auth-provider.ts).
import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, FormGroup, H2, Input, Label, MessageBox, Text } from '@adminjs/design-system';

interface LoginState {
  action: string;
  errorMessage?: string | null;
  passwordSignIn?: boolean;
  singleSignOn?: { label: string; href: string } | null;
  supportEmail?: string;
}

const Login: React.FC = () => {
  const state = (window as unknown as { __APP_STATE__: LoginState }).__APP_STATE__;
  const { translateComponent, translateMessage } = useTranslation();
  const message = state.errorMessage;
  const passwordSignIn = state.passwordSignIn !== false;
  return (
    <Box flex variant="grey" style={{ alignItems: 'center', justifyContent: 'center', flexDirection: 'column', minHeight: '100%' }}>
      <Box as="main" bg="white" boxShadow="login" p="x3" width={[1, 2 / 3, '560px']}>
        <Text fontWeight="bold" mb="lg" data-testid="department">Department for Education</Text>
        <H2 mb="lg">{translateComponent('Login.welcomeHeader')}</H2>
        <Text mb="xl">{translateComponent('Login.welcomeMessage')}</Text>
        {message && (
          <MessageBox my="lg" variant="danger" message={message.split(' ').length > 1 ? message : translateMessage(message)} />
        )}
        {state.singleSignOn && (
          <Text mb="xl" textAlign="center">
            <Button as="a" variant="contained" href={state.singleSignOn.href} data-testid="single-sign-on">
              {state.singleSignOn.label}
            </Button>
          </Text>
        )}
        {passwordSignIn && (
          <Box as="form" action={state.action} method="POST" data-testid="password-sign-in">
            {state.singleSignOn && <Text mb="lg" textAlign="center">or sign in with a back-office password</Text>}
            <FormGroup>
              <Label required htmlFor="email">{translateComponent('Login.properties.email')}</Label>
              <Input id="email" name="email" autoComplete="username" />
            </FormGroup>
            <FormGroup>
              <Label required htmlFor="password">{translateComponent('Login.properties.password')}</Label>
              <Input id="password" type="password" name="password" autoComplete="current-password" />
            </FormGroup>
            <Text mt="xl" textAlign="center">
              <Button variant={state.singleSignOn ? 'outlined' : 'contained'}>{translateComponent('Login.loginButton')}</Button>
            </Text>
          </Box>
          )}
        <Text mt="xxl" data-testid="support-contact">
          Problems signing in, or need an account? Email{' '}
          <a href={`mailto:${state.supportEmail}`}>{state.supportEmail}</a>.
        </Text>
      </Box>
    </Box>
  );
};

export default Login;
