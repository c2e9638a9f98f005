import { z } from 'zod';
import { safeText } from '../text/safe-text';

/** `ProxySettings.ProxyMode` values a school can choose (Chrome's and Edge's names). */
export const PROXY_MODES = ['system', 'direct', 'pac_script', 'fixed_servers'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])`;
const PROXY_SERVER = new RegExp(String.raw`^(?:(?:https?|socks4|socks5)://)?${HOST}(?::(\d{1,5}))?$`, 'i');

/** The school's proxy as Chrome's `ProxyServer` takes it: `proxy.school.example:3128`, optionally with a scheme. */
export const ProxyServerSchema = safeText()
  .trim()
  .max(300)
  .refine((value) => {
    const match = PROXY_SERVER.exec(value);
    return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
  }, 'a proxy server is a host name or address with its port, such as proxy.school.example:3128 (http://, https://, socks4:// or socks5:// in front if it is not plain http)');

/**
 * The school's proxy auto-configuration file. Over https only: a PAC file decides where every
 * request goes, so one fetched over plain http could be rewritten by anyone on the network to send
 * pupils round the filter.
 */
export const ProxyPacUrlSchema = z
  .url({
    protocol: /^https$/,
    error:
      'the PAC file address must be a full https:// address (over plain http anyone on the network could change it)',
  })
  .max(500);

/**
 * How the school's devices reach the web, locked by the generated device policy (`ProxySettings`)
 * so no extension, launch flag or settings page can change it. `system` (the default) follows the
 * operating system's proxy, which the school's network or device management sets; `direct` uses
 * none; `pac_script` and `fixed_servers` name the school's own. Stored per school.
 */
export const ProxyChoiceSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('system') }),
    z.object({ mode: z.literal('direct') }),
    z.object({ mode: z.literal('pac_script'), pacUrl: ProxyPacUrlSchema }),
    z.object({ mode: z.literal('fixed_servers'), server: ProxyServerSchema }),
  ],
  { error: `the proxy mode must be one of ${PROXY_MODES.join(', ')}` },
);
export type ProxyChoice = z.infer<typeof ProxyChoiceSchema>;

export const DEFAULT_PROXY_CHOICE: ProxyChoice = { mode: 'system' };

/** `PUT /api/deploy/proxy`: the school's choice, used by every device-policy file made after. */
export const SaveProxyChoiceBodySchema = z.object({ proxy: ProxyChoiceSchema });
export type SaveProxyChoiceBody = z.infer<typeof SaveProxyChoiceBodySchema>;
