import { browser } from 'wxt/browser';

interface ChromeIdentity {
  getProfileUserInfo?: (details: { accountStatus: 'ANY' | 'SYNC' }) => Promise<{ email: string; id: string }>;
}

/** The signed-in managed profile's e-mail (Chromebooks, managed Chrome/Edge), or null. */
export async function profileEmail(): Promise<string | null> {
  const identity = browser.identity as unknown as ChromeIdentity | undefined;
  try {
    const info = await identity?.getProfileUserInfo?.({ accountStatus: 'ANY' });
    return info?.email ? info.email : null;
  } catch {
    return null;
  }
}
