// The demo data's known credentials, printed by `npm start` and the seed. Demo only: a production
// deployment never runs the demo seed.
import type { Role } from '@prisma/client';

export const DEMO_PASSWORD = 'demo-password-123';

export interface DemoLogin {
  email: string;
  role: Role;
  fullName: string;
  password: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@example.com', role: 'admin', fullName: 'Alex Admin', password: DEMO_PASSWORD },
  { email: 'superuser@example.com', role: 'super_user', fullName: 'Sam Superuser', password: DEMO_PASSWORD },
  { email: 'support@example.com', role: 'support', fullName: 'Priya Support', password: DEMO_PASSWORD },
  { email: 'finance@example.com', role: 'finance', fullName: 'Femi Finance', password: DEMO_PASSWORD },
  { email: 'policy@example.com', role: 'policy', fullName: 'Pat Policy', password: DEMO_PASSWORD },
];

export interface DemoApiToken {
  leadProvider: string;
  token: string;
}

/** One lead provider API bearer token each; the database holds only their SHA-256 hashes. */
export const DEMO_API_TOKENS: readonly DemoApiToken[] = [
  { leadProvider: 'Ambition Institute', token: 'demo-token-ambition-institute' },
  { leadProvider: 'Best Practice Network', token: 'demo-token-best-practice-network' },
  { leadProvider: 'Capita', token: 'demo-token-capita' },
  { leadProvider: 'Education Development Trust', token: 'demo-token-education-development-trust' },
  { leadProvider: 'Teach First', token: 'demo-token-teach-first' },
  { leadProvider: 'UCL Institute of Education', token: 'demo-token-ucl-institute-of-education' },
];
