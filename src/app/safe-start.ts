/**
 * Refuse to run unsafe: in production (`NODE_ENV=production`) the App does not start without
 * a real webhook secret. Probot falls back to the public secret `development` when
 * `WEBHOOK_SECRET` is unset, and with it anyone could sign deliveries and turn `iac-review`
 * green on any commit.
 */

/** Probot's fallback secret, public in its source. */
const PUBLIC_SECRET = 'development';

/** Why the App must not start with this environment, or undefined when it may. */
export function unsafeStartReason(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV !== 'production') return undefined;
  const secret = env.WEBHOOK_SECRET?.trim();
  if (!secret) return 'WEBHOOK_SECRET is not set; without it Probot would accept deliveries signed with the public secret "development"';
  if (secret === PUBLIC_SECRET) return 'WEBHOOK_SECRET is "development", Probot\'s public default secret';
  return undefined;
}

/** The one-line message printed before the App exits. */
export function refusalMessage(reason: string): string {
  return `iac-review refuses to start in production: ${reason}. Set WEBHOOK_SECRET to the webhook secret from the App's settings (a long random string).`;
}
