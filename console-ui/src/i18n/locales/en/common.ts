/** Text shared by every screen: the frame, navigation, sign-in and common words. */
export const common = {
  brand: 'Waymark',
  skipToContent: 'Skip to main content',
  loading: 'Loading…',
  serverUnreachable: 'Could not reach the Waymark server: {{message}}',
  nav: {
    label: 'Main',
    classes: 'Live classes',
    incidents: 'Incident log',
    policies: 'Policies',
    devices: 'Devices',
    reports: 'Reports',
  },
  account: {
    menu: 'Account',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    language: 'Language',
  },
  languages: { en: 'English', cy: 'Cymraeg' },
  signIn: {
    title: 'Waymark',
    intro: 'Sign in to supervise your classes.',
    email: 'School e-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    withProvider: 'Sign in with {{provider}}',
    or: 'or',
  },
  classes: {
    title: 'Your classes',
    loading: 'Loading classes…',
    none: 'You have no classes to watch. Ask your DSL to add you to a class.',
    summary: '{{profile}} · {{count}} pupils',
  },
  notFound: 'There is no page here.',
} as const;
