// The back office's sign-in page: the single sign-on button when a provider is configured, and the
// password form unless password sign-in is switched off (props from src/admin/sign-in/staff-auth-provider.ts).
import React from 'react';
import { useTranslation } from 'adminjs';
import { Box, Button, FormGroup, H2, H5, Input, Label, MessageBox, Text } from '@adminjs/design-system';

interface LoginState {
  action: string;
  errorMessage?: string | null;
  passwordSignIn?: boolean;
  singleSignOn?: { label: string; href: string } | null;
}

const Login: React.FC = () => {
  const state = (window as unknown as { __APP_STATE__: LoginState }).__APP_STATE__;
  const { translateComponent, translateMessage } = useTranslation();
  const message = state.errorMessage;
  const passwordSignIn = state.passwordSignIn !== false;
  return (
    <Box flex variant="grey" style={{ alignItems: 'center', justifyContent: 'center', flexDirection: 'column', height: '100%' }}>
      <Box bg="white" flex boxShadow="login" width={[1, 2 / 3, 'auto']} style={{ minHeight: '440px' }}>
        <Box bg="primary100" color="white" p="x3" width="380px" flexGrow={0} display={['none', 'none', 'block']}>
          <H2 fontWeight="lighter">{translateComponent('Login.welcomeHeader')}</H2>
          <Text fontWeight="lighter" mt="default">{translateComponent('Login.welcomeMessage')}</Text>
        </Box>
        <Box p="x3" flexGrow={1} width={['100%', '100%', '480px']}>
          <H5 marginBottom="xxl">ECF back office</H5>
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
        </Box>
      </Box>
    </Box>
  );
};

export default Login;
