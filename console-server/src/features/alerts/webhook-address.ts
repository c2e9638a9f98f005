import { DomainError } from '../../errors/domain-error';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A school's webhook address: HTTPS, always, since alerts name pupils. Plain HTTP is accepted
 * only for a loopback receiver and only when the deployment says so (`allowLoopbackHttp`, which
 * tests set); never for another machine.
 */
export function checkWebhookAddress(raw: string, allowLoopbackHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('invalid', 'url: not a web address');
  }
  if (url.username || url.password)
    throw new DomainError('invalid', 'url: no user name or password in the address');
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK.has(url.hostname)) return url.toString();
  throw new DomainError('invalid', 'url: the webhook must be an https:// address');
}
