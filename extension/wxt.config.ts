import { defineConfig } from 'wxt';

/**
 * Public half of the development signing key: fixes the extension ID in development and tests
 * (kpibmoodjikkppkgpkmppfbpcedhpdbl). A school's packaged build is signed with the school's own key.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuhx7zjxH8SvFR13hrs6zXUHOcpbDtwfHkXskvvlpM6OnoceyXH677T5qJXoK7w0OFaBYqx/yb2jlTh7Xrjuc72d/p6KzAj3sodCE7oZhjljMyHrMsMCAGZm01KaKNjVQ/VJ8jlaMxIkKdw3KgKtPJGOXThg8Q280sop73MsW+qKnYK/ExUzMmGvcXwQ108/Kk0GcopQlvMwCNjN8jAF2vJYybGCBNb9q4U5C4TRsRSROf7pMgq9CYqkN0sLX6u1Jv+LcGLNYcTPgvIP9eIKxrX6ch2kpign0TkmY4mV7w/uk2TjVXT396cbYhO7aigtoGKrqTqZsuF/VFPeQTKws3wIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Waymark',
    description: 'Waymark classroom web supervision: keeps pupils on the sites their school allows.',
    key: DEV_PUBLIC_KEY,
    minimum_chrome_version: '120',
    permissions: [
      'declarativeNetRequest',
      'storage',
      // Category data: a million blocked domains is tens of megabytes in storage.local.
      'unlimitedStorage',
      'identity',
      'identity.email',
      'alarms',
      'proxy',
      'webNavigation',
      // tabs.onUpdated is the only event that shows a `view-source:` address, and data: addresses need it too.
      'tabs',
      // Live class: whether the pupil is at the device (tab state while a teacher watches).
      'idle',
      // Observing only: the redirects the extension's own rules made are the blocked attempts it reports.
      'webRequest',
    ],
    // DNR ignores redirect rules for hosts the extension has no permission for.
    host_permissions: ['<all_urls>'],
    web_accessible_resources: [
      { resources: ['blocked.html', 'notice.html', 'lock.html'], matches: ['<all_urls>'] },
    ],
    declarative_net_request: {
      rule_resources: [{ id: 'fail_closed', enabled: true, path: 'rules/fail-closed.json' }],
    },
    storage: { managed_schema: 'managed_schema.json' },
  },
});
